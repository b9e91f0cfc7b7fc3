import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SAFEGUARDING_LEAD = "safeguarding_lead", "Safeguarding lead"
    ADMINISTRATOR = "administrator", "Administrator"
    BOARD_MEMBER = "board_member", "Board member"
    AUDITOR = "auditor", "Auditor"
    PERFORMANCE = "performance", "Performance officer"


# Roles that work on individual cases. The others see no case at all.
CASEWORK_ROLES = frozenset({Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD})


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.PRACTITIONER)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT)
    job_title = models.CharField(max_length=120, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="Demo accounts are refused in production."
    )

    @property
    def does_casework(self) -> bool:
        return self.role in CASEWORK_ROLES

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenManager(models.Manager["ApiToken"]):
    def issue(self, user: User, name: str = "") -> tuple["ApiToken", str]:
        """Create a token and return it with its secret, which is never stored."""
        raw = "msp_" + secrets.token_urlsafe(32)
        token = self.create(user=user, name=name, prefix=raw[:12], key_hash=_hash_token(raw))
        return token, raw

    def authenticate(self, raw: str) -> User | None:
        token = (
            self.select_related("user")
            .filter(key_hash=_hash_token(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        self.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


class ApiToken(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=120, blank=True)
    prefix = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenManager()

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from msp.audit.models import AtomicSave


class Team(AtomicSave):
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


# Roles that a second person must approve before they take effect (see RoleGrant).
POWERFUL_ROLES = frozenset({Role.SAFEGUARDING_LEAD, Role.AUDITOR, Role.ADMINISTRATOR})


class MspUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> "User":
        """``createsuperuser`` makes the first administrator, who may use the admin."""
        extra.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra)


class User(AbstractUser, AtomicSave):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.PRACTITIONER)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT)
    job_title = models.CharField(max_length=120, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="Demo accounts are refused in production."
    )

    objects = MspUserManager()  # type: ignore[misc]

    @property
    def may_administer(self) -> bool:
        """Only administrators use the Django admin (and only with staff status)."""
        return self.is_active and self.is_staff and self.role == Role.ADMINISTRATOR

    @property
    def does_casework(self) -> bool:
        return self.role in CASEWORK_ROLES

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenScope(models.TextChoices):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


def token_expiry(days: int | None = None) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days or settings.MSP_API_TOKEN_DAYS)


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self) -> "ApiTokenQuerySet":
        """Not revoked (expired ones included: they are still listed)."""
        return self.filter(revoked_at__isnull=True)


class ApiTokenManager(models.Manager["ApiToken"]):
    def get_queryset(self) -> ApiTokenQuerySet:
        return ApiTokenQuerySet(self.model, using=self._db)

    def live(self) -> ApiTokenQuerySet:
        return self.get_queryset().live()

    def issue(
        self,
        user: User,
        name: str = "",
        *,
        scope: str = TokenScope.READ,
        days: int | None = None,
    ) -> tuple["ApiToken", str]:
        """Create a token and return it with its secret, which is never stored.
        Least privilege by default: read only, for MSP_API_TOKEN_DAYS days."""
        if scope not in TokenScope.values:
            raise ValueError(f"Unknown token scope {scope!r}")
        if days is not None and days < 1:
            raise ValueError("A token must last at least one day")
        raw = "msp_" + secrets.token_urlsafe(32)
        token = self.create(
            user=user,
            name=name,
            prefix=raw[:12],
            key_hash=_hash_token(raw),
            password_mark=password_mark(user),
            scope=scope,
            expires_at=token_expiry(days),
        )
        return token, raw

    def find(self, raw: str) -> "ApiToken | None":
        """The unrevoked token with this secret, whatever its user's state."""
        return (
            self.select_related("user", "user__team")
            .filter(key_hash=_hash_token(raw), revoked_at__isnull=True)
            .first()
        )

    def authenticate(self, raw: str) -> "ApiToken | None":
        """The token with this secret, if it is not revoked, its user is active
        and their password is the one it was issued under. The caller checks
        expiry, to say why it is refused, and revokes stale tokens."""
        token = self.find(raw)
        if token is None or token.is_stale:
            return None
        if token.is_expired:
            return token
        token.last_used_at = timezone.now()
        self.filter(pk=token.pk).update(last_used_at=token.last_used_at)
        return token


def password_mark(user: User) -> str:
    """A keyed fingerprint of the user's password hash (Django's session auth
    hash): a token issued under one password stops working when the password
    changes by any route, even a direct database update."""
    return user.get_session_auth_hash()


def _default_expiry() -> datetime.datetime:
    return token_expiry()


class ApiToken(AtomicSave):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=120, blank=True)
    prefix = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart")
    key_hash = models.CharField(max_length=64, unique=True)
    password_mark = models.CharField(max_length=128, blank=True, editable=False)
    scope = models.CharField(max_length=8, choices=TokenScope.choices, default=TokenScope.READ)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_default_expiry)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_stale(self) -> bool:
        """Its account has been deactivated, or its password changed, since it
        was issued (however that was done)."""
        return not self.user.is_active or not constant_time_compare(
            self.password_mark, password_mark(self.user)
        )

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE


SUPERUSER = "superuser"
GRANTABLE = [
    *((role.value, role.label) for role in Role if role in POWERFUL_ROLES),
    (SUPERUSER, "Superuser (every permission in the admin)"),
]


class RoleGrant(models.Model):
    """A request to give someone a powerful role (or superuser status). It takes
    effect only when a second person approves it: another administrator, or a
    safeguarding lead; never the person who asked, nor the person it is for."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=32, choices=GRANTABLE)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, default=Outcome.PENDING)
    activate_on_approval = models.BooleanField(
        default=False, help_text="The account was created for this role and waits, inactive."
    )

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} for {self.user}"

    @property
    def is_pending(self) -> bool:
        return self.outcome == self.Outcome.PENDING


class KeptForm(models.Model):
    """A form submitted after the user's session ended, kept for a short time
    so it can be shown again, filled in, once the same user has signed in.
    The browser holds only a random key; the values are stored signed."""

    key_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=2000)
    data = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"Kept form {self.pk}"

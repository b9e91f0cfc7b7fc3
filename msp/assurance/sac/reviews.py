"""SG5: Safeguarding Adults Reviews.

Reviews under Care Act s44 are the Safeguarding Adults Board's, and this
service does not record them: there is no review record, only the date a
case was referred to the board for one (``DeathRecord.sar_referred_on``). A
referral is not a review (the board decides whether the criteria are met), so
counting referrals as reviews would overstate SG5. The tables are given with
0 in every cell and a note saying so, with the number of referrals in the year
for the performance team to check against the board's own figures.
"""

from msp.assurance.period import Period
from msp.assurance.sac.tables import SAR_INDIVIDUALS, SARS, Column, Table, grid
from msp.enquiries.models import DeathRecord


def referrals_in(period: Period) -> int:
    return DeathRecord.objects.filter(
        sar_referred_on__range=(period.first_day, period.last_day)
    ).count()


def review_tables(period: Period) -> list[Table]:
    referrals = referrals_in(period)
    note = (
        "Not collected: reviews are held by the Safeguarding Adults Board, so every cell "
        "is 0. Take these figures from the board. "
        f"For checking: {referrals} case{'' if referrals == 1 else 's'} "
        f"{'was' if referrals == 1 else 'were'} referred to the board for a review in "
        f"{period.code}."
    )
    return [
        grid(
            "SG5a",
            "Safeguarding Adults Reviews",
            "Reviews",
            [Column("Number of Safeguarding Adults Reviews", SARS)],
            ["Where one or more individuals died", "Where no individuals died"],
            lambda label, column: 0,
            notes=[note],
        ),
        grid(
            "SG5b",
            "Individuals involved in Safeguarding Adults Reviews",
            "Individuals",
            [Column("Number of individuals", SAR_INDIVIDUALS)],
            ["Who suffered serious harm and died", "Who suffered serious harm and survived"],
            lambda label, column: 0,
            notes=[note],
        ),
    ]

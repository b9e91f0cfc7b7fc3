"""Hand-written SQL floors for ``sac_bench.py``: for each part of the return
(each statement or group of tables the code computes together) and for the
board's full set of views, the plainest SQL that gives the same counts.

PostgreSQL only (the benchmark's targets are set there). Each floor is what a
person would write by hand for that table, with no framework: it reads the
same rows the code reads, skips nothing the table needs (the decision in
force, the passed-on cases and the achievement of outcomes are left out only
where they change no count on synthetic data, which has none of them; that is
said beside each). Parameters: %(start)s and %(end)s, the period's first
instant and the instant after it; %(first)s and %(last)s, its first and last
days; %(year_end)s, the day ages are taken on.
"""

# SG1f: concerns raised and enquiries started, by type.
STARTED = """
SELECT 'concerns', COUNT(*) FROM concerns_concern
 WHERE raised_on BETWEEN %(first)s AND %(last)s
UNION ALL
SELECT enquiry_type, COUNT(*) FROM cases_case
 WHERE enquiry_started_at >= %(start)s AND enquiry_started_at < %(end)s AND enquiry_type <> ''
 GROUP BY enquiry_type
"""

# SG1a-e: people with a concern, a section 42 or another enquiry in the year,
# by gender, ethnicity, primary support reason and age band (distinct people).
PEOPLE = """
WITH who AS (
  SELECT k.person_id, 'concern' AS col FROM concerns_concern c JOIN cases_case k ON k.id = c.case_id
   WHERE c.raised_on BETWEEN %(first)s AND %(last)s
  UNION
  SELECT person_id, enquiry_type FROM cases_case
   WHERE enquiry_started_at >= %(start)s AND enquiry_started_at < %(end)s AND enquiry_type <> ''
)
SELECT who.col, p.gender, p.ethnicity, p.primary_support_reason,
       CASE WHEN p.date_of_birth IS NULL THEN 'unknown'
            ELSE width_bucket(date_part('year', age(%(year_end)s, p.date_of_birth)),
                              ARRAY[18, 65, 75, 85, 95])::text END AS band,
       COUNT(*)
FROM who JOIN people_person p ON p.id = who.person_id
GROUP BY 1, 2, 3, 4, 5
"""

# The year's concluded section 42 enquiries (synthetic data has one decision
# per case and no case passed on, so the case's type is the decision in force).
_CONCLUDED = """
SELECT cl.id, cl.case_id FROM enquiries_closure cl JOIN cases_case k ON k.id = cl.case_id
 WHERE cl.closed_at >= %(start)s AND cl.closed_at < %(end)s AND k.enquiry_type = 's42'
"""

# SG2a, SG2a_b1, SG2b, SG2c: the four crossings, each an enquiry counted once per cell.
CROSSINGS = """
WITH cl AS MATERIALIZED (CONCLUDED),
pairs AS MATERIALIZED (
  SELECT cl.id, c.abuse_types, c.location_of_risk, c.sources_of_risk
  FROM cl JOIN concerns_concern c ON c.case_id = cl.case_id
)
SELECT 'SG2a', t.value, s.value, COUNT(DISTINCT p.id) FROM pairs p
  CROSS JOIN jsonb_array_elements_text(p.abuse_types) t(value)
  CROSS JOIN jsonb_array_elements_text(p.sources_of_risk) s(value) GROUP BY 1, 2, 3
UNION ALL
SELECT 'SG2a_b1', t.value, p.location_of_risk, COUNT(DISTINCT p.id) FROM pairs p
  CROSS JOIN jsonb_array_elements_text(p.abuse_types) t(value) GROUP BY 1, 2, 3
UNION ALL
SELECT 'SG2b', p.location_of_risk, s.value, COUNT(DISTINCT p.id) FROM pairs p
  CROSS JOIN jsonb_array_elements_text(p.sources_of_risk) s(value) GROUP BY 1, 2, 3
UNION ALL
SELECT 'SG2c', cl.action_result, s.value, COUNT(DISTINCT p.id) FROM pairs p
  JOIN enquiries_closure cl ON cl.id = p.id
  CROSS JOIN jsonb_array_elements_text(p.sources_of_risk) s(value) GROUP BY 1, 2, 3
""".replace("CONCLUDED", _CONCLUDED)

# SG2e, SG3a, SG4a: the closures' fields, with the overall achievement of the
# outcomes that existed at the closure (kept with the closure when it is made).
CLOSURES = """
SELECT cl.action_result, cl.risk_outcome, cl.lacked_capacity, cl.capacity_support, cl.msp_asked,
       CASE WHEN cl.msp_asked = 'asked_expressed' THEN cl.outcomes_achieved END AS achieved,
       COUNT(*)
FROM enquiries_closure cl
JOIN cases_case k ON k.id = cl.case_id
WHERE cl.closed_at >= %(start)s AND cl.closed_at < %(end)s AND k.enquiry_type <> ''
GROUP BY 1, 2, 3, 4, 5, 6
"""

RETURN_FLOORS = {
    "SG1f": STARTED,
    "SG1a-e": PEOPLE,
    "SG2a, SG2a_b1, SG2b, SG2c": CROSSINGS,
    "SG2e, SG3a, SG4a": CLOSURES,
}

# The board: every count of every view of the year (all teams and each team,
# the year and each quarter) in one pass per kind of count, grouped by team
# and month so that each view is a sum of groups.
BOARD = [
    # concerns by quarter, and repeat concerns (a closure about the same person
    # in the 28 days before)
    """
SELECT k.team_id, date_part('month', c.raised_on) AS m, COUNT(*),
       COUNT(*) FILTER (WHERE EXISTS (
         SELECT 1 FROM cases_case k2 JOIN enquiries_closure x ON x.case_id = k2.id
         WHERE k2.person_id = k.person_id AND x.closed_at::date < c.raised_on
           AND x.closed_at::date >= c.raised_on - 28))
FROM concerns_concern c JOIN cases_case k ON k.id = c.case_id
WHERE c.raised_on BETWEEN %(first)s AND %(last)s GROUP BY 1, 2
""",
    # enquiries started by quarter and type
    """
SELECT team_id, date_part('month', enquiry_started_at), enquiry_type, COUNT(*) FROM cases_case
WHERE enquiry_started_at >= %(start)s AND enquiry_started_at < %(end)s AND enquiry_type <> ''
GROUP BY 1, 2, 3
""",
    # types, locations and sources of risk of concerns raised
    """
SELECT k.team_id, date_part('month', c.raised_on), c.abuse_types, c.location_of_risk,
       c.sources_of_risk, COUNT(*)
FROM concerns_concern c JOIN cases_case k ON k.id = c.case_id
WHERE c.raised_on BETWEEN %(first)s AND %(last)s GROUP BY 1, 2, 3, 4, 5
""",
    # concluded section 42 enquiries, every closure field the board counts
    """
SELECT k.team_id, date_part('month', cl.closed_at), cl.action_result, cl.risk_outcome,
       cl.msp_asked, cl.lacked_capacity, cl.capacity_support,
       CASE WHEN cl.msp_asked = 'asked_expressed' THEN cl.outcomes_achieved END, COUNT(*)
FROM enquiries_closure cl JOIN cases_case k ON k.id = cl.case_id
WHERE cl.closed_at >= %(start)s AND cl.closed_at < %(end)s AND k.enquiry_type = 's42'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
""",
    # days from the latest concern to each decision made in the year
    """
SELECT k.team_id, date_part('month', d.decided_at), d.decided_at::date - c.raised_on, COUNT(*)
FROM concerns_section42decision d JOIN cases_case k ON k.id = d.case_id
CROSS JOIN LATERAL (
  SELECT raised_on FROM concerns_concern c WHERE c.case_id = d.case_id
   AND c.raised_on <= d.decided_at::date ORDER BY raised_on DESC, id DESC LIMIT 1) c
WHERE d.decided_at >= %(start)s AND d.decided_at < %(end)s GROUP BY 1, 2, 3
""",
]

"""Write resources/demo/demo-plan.json: the demo plan of a fictional district.

Deterministic: running it twice gives the same file. Run from the checkout:
``.venv/bin/python tools/make_demo_plan.py``.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))

from summit_app.plan import model  # noqa: E402
from summit_app.plan.budget import summarize  # noqa: E402
from summit_app.plan.checks import basis, run_checks  # noqa: E402
from summit_app.plan.content import Content, load_content  # noqa: E402
from summit_app.plan.interchange import dumps, plan_from_json, plan_to_json  # noqa: E402
from summit_app.plan.rules import plan_problems  # noqa: E402

OUT = ROOT / "resources" / "demo" / "demo-plan.json"
D = date.fromisoformat
FY = 2027
YEARS = list(range(FY, FY + 5))

DISTRICT = model.District(
    name="Cedar Valley Unified School District", state="California", enrollment=18_240, schools=24,
    staff=2_160, teachers=1_045, summit_city="Sacramento", summit_date=D("2026-03-10"),
    first_fiscal_year=FY, plan_years=5)

MEMBERS = [  # id, name, role, title
    ("member-01", "Dr. Maria Alvarez", "superintendent", "Superintendent"),
    ("member-02", "James Whitfield", "assistant-superintendent", "Assistant Superintendent, Educational Services"),
    ("member-03", "Linda Park", "board-member", "Trustee, Board of Education"),
    ("member-04", "Samuel Okafor", "technology-director", "Chief Technology Officer"),
    ("member-05", "Rachel Brennan", "curriculum-director", "Director of Curriculum and Instruction"),
    ("member-06", "Tomás Reyes", "pd-director", "Director of Professional Learning"),
    ("member-07", "Karen Liu", "finance-officer", "Chief Business Officer"),
    ("member-08", "Derek Johnson", "principal", "Principal, Cedar Valley High School"),
    ("member-09", "Aisha Rahman", "teacher-leader", "Grade 5 Teacher and Teacher Leader, Willow Creek Elementary"),
    ("member-10", "Paul Nakamura", "parent-partner", "District Parent Advisory Council Chair"),
]
NAME = {m[0]: m[1] for m in MEMBERS}

READINESS = {  # element id: (consensus score, notes)
    "cia-agency": (3, "Walkthroughs show students mostly consuming content rather than creating."),
    "cia-pathways": (3, "Personalised pathways exist only in two middle-school pilots."),
    "cia-applied": (4, "Project units run in career-technical courses and two middle schools; most courses rarely "
                       "reach a real audience."),
    "cia-technology": (5, "Adopted math and ELA materials have digital versions; science is still print-only."),
    "cia-assessment": (6, "Interim assessments run online three times a year; feedback to students is slow."),
    "st-anytime": (4, "Homework help is online, but one student in eight lacks reliable home internet; hotspot "
                      "lending covers about half of them."),
    "st-schedules": (4, "Secondary schedules are fixed; two elementary schools use flexible intervention blocks. "
                        "Most classrooms have rows of desks."),
    "st-mastery": (2, "Grading is seat-time based everywhere; no school has tried mastery reporting yet."),
    "st-extended-time": (3, "Projects must fit 50-minute periods; only the high school academy has a weekly project "
                            "block."),
    "ri-devices": (4, "Ratio is about 2:1 in grades 3–12; many Chromebooks are past five years old."),
    "ri-network": (7, "Internet and WAN were upgraded in 2025; Wi-Fi in nine schools still uses old access points."),
    "ri-support": (4, "Ten technicians for about 20,000 devices; ticket backlog peaks in September."),
    "ri-refresh": (2, "No written refresh cycle; devices are replaced when money appears."),
    "dp-systems": (6, "Student information system and assessment data are linked; rostering is manual in places."),
    "dp-policies": (4, "Board policy is current, but app approval is informal and inconsistent between schools."),
    "dp-decisions": (5, "Principals review data each quarter; teachers rarely see it in time to act."),
    "dp-literacy": (3, "Privacy training is a yearly compliance video; few teachers use the assessment dashboards."),
    "cp-business": (4, "A regional employer funds a robotics club; no wider outreach plan exists."),
    "cp-global": (2, "A few classes join online exchanges; the district has no shared approach to global learning."),
    "cp-connectors": (3, "Student work rarely leaves the classroom; the learning platform has no family view."),
    "cp-communication": (5, "Families get messages in four languages; two-way feedback is limited to surveys and "
                            "two family technology nights."),
    "pl-ownership": (4, "Teachers choose some sessions, but most learning is district-directed on set days."),
    "pl-skills": (5, "Strong early adopters at every school; many staff are not confident with new tools."),
    "pl-opportunities": (3, "Training is mostly one-off after-school workshops with no follow-up."),
    "pl-evaluation": (2, "Attendance is tracked; changes in classroom practice are not."),
    "br-efficiency": (6, "The district buys through a state purchasing consortium for devices and software."),
    "br-alignment": (3, "Purchases are rarely traced to an instructional goal."),
    "br-funding": (4, "Technology depends on one-time money; only connectivity is funded every year."),
    "br-roi": (2, "Budgets count purchase prices only; no one checks whether spending changed learning."),
    "cl-vision": (5, "Leaders support digital learning but describe its purpose in different ways."),
    "cl-culture": (5, "Principals collaborate well; departments plan separately."),
    "cl-expectations": (4, "Little evidence is gathered on whether technology changes learning."),
    "cl-planning": (3, "The last technology plan expired in 2023 and was not tied to the strategic plan."),
}
REVEALED = ("ri-devices", "ri-network", "ri-support", "ri-refresh")
SILENT_RATERS = ("member-01", "member-04", "member-05", "member-08", "member-09")
SILENT = {  # element id: scores by the raters above, in order
    "ri-devices": (5, 4, 3, 4, 3), "ri-network": (7, 8, 6, 7, 6),
    "ri-support": (5, 5, 3, 3, 2), "ri-refresh": (3, 2, 2, 1, 2),
    "cl-vision": (7, 5, 5, 4, 3), "cl-culture": (6, 5, 5, 5, 4),
}

VISION = (
    "Every Cedar Valley student learns through rich, creative work that uses technology with purpose: to "
    "investigate, to make, to collaborate and to share ideas beyond the classroom. Teachers are prepared and "
    "supported before new tools arrive, our network and support keep learning uninterrupted, student data is "
    "protected in every app we use, and every dollar we spend traces back to a goal for students."
)

GOALS = [  # id, title, description, gear, ISTE conditions, E-Rate elements, measure, baseline, target, owner, due
    ("goal-vision", "Lead with a shared vision for digital learning",
     "Leaders at every level describe the same purpose for technology and check progress against it.",
     "leadership", ("shared-vision", "implementation-planning"), ("goals-strategy", "evaluation"),
     "Classroom walkthroughs showing students creating with technology", "22% of walkthroughs (fall 2025)",
     "70% of walkthroughs", "member-02", "2031-06-30"),
    ("goal-learning", "Prepare every teacher before devices arrive",
     "Each school's staff completes the core digital learning pathway before its students receive devices.",
     "professional-learning", ("prepared-educators", "learning-activities"), ("professional-development",),
     "Teachers completing the core pathway before their school's rollout", "15% of teachers",
     "95% of teachers at each school before rollout", "member-06", "2030-06-30"),
    ("goal-network", "Keep the network ahead of classroom demand",
     "Finish the Wi-Fi upgrade and keep peak use well below capacity as device numbers grow.",
     "infrastructure", ("equitable-access", "technical-support"), ("needs-assessment", "budget"),
     "Schools with current Wi-Fi; peak internet use as share of capacity",
     "15 of 24 schools; 48% peak use", "24 of 24 schools; peak use below 70%", "member-04", "2029-06-30"),
    ("goal-devices", "Provide a reliable device for every student in grades 3–12",
     "Phase in one device per student by grade band, after each school's training and network checks are done.",
     "infrastructure", ("equitable-access", "technical-support", "implementation-planning"),
     ("needs-assessment", "budget"), "Students in grades 3–12 with an assigned device under five years old",
     "38%", "100%, on a four-year refresh cycle", "member-04", "2030-10-31"),
    ("goal-privacy", "Protect student data in every app we use",
     "Every app that holds student data is reviewed, covered by a signed agreement and listed for families.",
     "data-privacy", ("implementation-planning", "ongoing-evaluation"), ("goals-strategy", "evaluation"),
     "Apps in use with student data that have a signed data privacy agreement", "61% of 41 known apps",
     "100% of apps in use", "member-04", "2028-06-30"),
    ("goal-deeper", "Use digital tools for deeper, personalised learning",
     "Teachers design lessons where students create, collaborate and get timely feedback on their progress.",
     "cia", ("learning-activities", "shared-vision", "ongoing-evaluation"), ("goals-strategy", "evaluation"),
     "Students meeting standard on the district performance task", "41%", "60%", "member-05", "2031-06-30"),
]

ACTIONS = [  # goal id, text, owner, due, status
    ("goal-vision", "Adopt the vision statement at a public board meeting", "member-01", "2026-05-14", "in-progress"),
    ("goal-vision", "Train principals to run digital learning walkthroughs", "member-02", "2026-10-30", "not-started"),
    ("goal-vision", "Publish a yearly progress report to the community", "member-01", "2027-08-31", "not-started"),
    ("goal-learning", "Launch the instructional leadership cohort institute", "member-06", "2026-08-14", "not-started"),
    ("goal-learning", "Recruit 48 teacher leaders for the network", "member-06", "2026-09-30", "not-started"),
    ("goal-learning", "Set each school's rollout date only after its training sign-off", "member-02", "2027-03-31",
     "not-started"),
    ("goal-network", "Commission an independent network readiness assessment", "member-04", "2026-09-30",
     "in-progress"),
    ("goal-network", "Replace Wi-Fi access points in nine schools", "member-04", "2027-06-30", "not-started"),
    ("goal-devices", "Pilot three device models in two classrooms per level", "member-04", "2027-02-26",
     "not-started"),
    ("goal-devices", "Hire a distribution contractor for the first phase", "member-07", "2027-05-28", "not-started"),
    ("goal-devices", "Adopt a written four-year refresh cycle", "member-07", "2027-06-30", "not-started"),
    ("goal-privacy", "Inventory every app in use and its agreement", "member-04", "2026-06-30", "in-progress"),
    ("goal-privacy", "Require a signed agreement before any new app is approved", "member-02", "2026-08-31",
     "not-started"),
    ("goal-privacy", "Publish the approved app list for families", "member-04", "2026-10-30", "not-started"),
    ("goal-deeper", "Build an exemplar lesson library by standard, grade and subject", "member-05", "2027-12-17",
     "not-started"),
    ("goal-deeper", "Open two lighthouse schools for peer visits", "member-08", "2028-03-31", "not-started"),
]

LEARNING = [  # id, title, component, audience, participants, hours, format, start, end, goals
    ("pd-cohort", "Instructional leadership cohort: three-day institute", "leadership-cohort", "principals", 30,
     "21.00", "in-person", "2026-08-04", "2026-08-06", ("goal-vision", "goal-learning")),
    ("pd-network", "Teacher leader network (10 sessions)", "teacher-leader-network", "teachers", 48, "25.00",
     "in-person", "2026-09-19", "2027-05-15", ("goal-learning", "goal-deeper")),
    ("pd-deep-math", "Standards deep dive: mathematical practices", "standards-deep-dive", "teachers", 120, "4.00",
     "in-person", "2026-10-07", "2026-10-07", ("goal-deeper",)),
    ("pd-practitioner", "Practitioner schools with instructional technology facilitators", "practitioner-school",
     "teachers", 24, "40.00", "blended", "2026-08-17", "2027-06-04", ("goal-learning", "goal-deeper")),
    ("pd-council", "Interdepartmental digital learning council", "interdepartmental-collaboration",
     "leadership-team", 14, "12.00", "in-person", "2026-07-15", "2027-06-15", ("goal-vision",)),
    ("pd-exemplars", "Exemplar lesson writing teams", "exemplars", "teachers", 36, "16.00", "blended",
     "2027-01-09", "2027-05-22", ("goal-deeper",)),
    ("pd-readiness", "Core digital learning pathway before device rollout", "workshop", "teachers", 900, "6.00",
     "blended", "2027-01-05", "2027-06-11", ("goal-learning", "goal-devices")),
    ("pd-coaching", "Classroom coaching cycles", "coaching", "teachers", 300, "8.00", "in-person", "2027-01-11",
     "2027-06-04", ("goal-learning", "goal-deeper")),
    ("pd-privacy", "Student data privacy essentials", "online-course", "all-staff", 2160, "1.50", "online",
     "2026-08-10", "2026-09-30", ("goal-privacy",)),
    ("pd-techstaff", "Device management and help desk practices", "workshop", "technology-staff", 14, "16.00",
     "in-person", "2026-07-20", "2026-07-23", ("goal-network", "goal-devices")),
    ("pd-visits", "Lighthouse school peer visits", "peer-visit", "principals", 24, "6.00", "in-person",
     "2027-03-02", "2027-04-29", ("goal-vision", "goal-deeper")),
    ("pd-families", "Family digital learning nights", "workshop", "families", 600, "2.00", "in-person",
     "2026-10-14", "2027-04-21", ("goal-devices", "goal-privacy")),
]

STUDENT_BASIC = ("student-name", "student-identifiers", "enrollment")
APPS = [  # id, name, vendor, purpose, audience, categories, status, date, consent, approval
    ("app-lms", "Clearpath LMS", "Clearpath Learning Inc.", "Learning management system",
     ("students", "staff", "families"), (*STUDENT_BASIC, "schedule", "student-work", "assessment", "communications"),
     "signed", "2025-06-12", "school-consent", "approved"),
    ("app-sis", "Ledger SIS", "Ledger Education Systems", "Student information system", ("staff", "families"),
     (*STUDENT_BASIC, "demographics", "attendance", "conduct", "schedule", "transcript", "special-indicators",
      "parent-name", "parent-contact", "parent-id", "transportation"), "signed", "2024-07-01", "not-applicable",
     "staff-only"),
    ("app-mdm", "FleetHub Device Manager", "FleetHub Corp.", "Device management console", ("staff",),
     ("student-name", "student-identifiers", "app-metadata", "app-use-statistics"), "signed", "2025-08-20",
     "not-applicable", "staff-only"),
    ("app-filter", "SafeRoute Web Filter", "SafeRoute Networks", "Web content filtering (CIPA)", ("students", "staff"),
     ("student-identifiers", "app-metadata", "app-use-statistics"), "signed", "2025-05-30", "not-applicable",
     "approved"),
    ("app-sso", "KeyLine Single Sign-On", "KeyLine Identity", "Sign-in and rostering", ("students", "staff"),
     ("student-name", "student-identifiers", "enrollment", "schedule", "program-membership"), "signed",
     "2025-07-15", "school-consent", "approved"),
    ("app-math", "Numberpath Math", "Numberpath Learning", "Adaptive math practice", ("students", "staff"),
     (*STUDENT_BASIC, "student-performance", "assessment"), "signed", "2025-08-01", "school-consent", "approved"),
    ("app-reading", "StoryBridge Reading", "StoryBridge Co.", "K–5 reading practice", ("students", "staff"),
     (*STUDENT_BASIC, "student-performance", "assessment", "program-membership"), "signed", "2025-08-01",
     "school-consent", "approved"),
    ("app-assess", "Benchmark Central", "Benchmark Central LLC", "Interim assessments", ("students", "staff"),
     (*STUDENT_BASIC, "assessment", "demographics", "special-indicators"), "signed", "2024-09-10",
     "school-consent", "approved"),
    ("app-family", "HomeLink Messenger", "HomeLink Inc.", "Family messaging and translation", ("staff", "families"),
     ("student-name", "parent-name", "parent-contact", "communications", "attendance"), "signed", "2025-03-18",
     "not-applicable", "approved"),
    ("app-helpdesk", "TicketTree Help Desk", "TicketTree Software", "Technology support tickets", ("staff",),
     ("app-metadata",), "signed", "2024-11-04", "not-applicable", "staff-only"),
    ("app-dpa", "PactTrack", "PactTrack Privacy Services", "Vendor agreement tracking", ("staff",),
     ("app-metadata",), "signed", "2026-01-22", "not-applicable", "staff-only"),
    ("app-video", "FrameMaker Studio", "FrameMaker Media", "Student video creation", ("students", "staff"),
     ("student-name", "student-identifiers", "student-work"), "signed", "2025-09-05", "school-consent", "approved"),
    ("app-coding", "Loopwise Coding", "Loopwise Labs", "Computer science courses", ("students", "staff"),
     (*STUDENT_BASIC, "student-performance", "student-work"), "signed", "2025-10-14", "school-consent", "approved"),
    ("app-library", "ShelfCloud eBooks", "ShelfCloud Digital", "Digital library and audiobooks",
     ("students", "staff"), ("student-name", "student-identifiers", "app-use-statistics"), "signed", "2025-06-30",
     "school-consent", "approved"),
    ("app-survey", "PulseCheck Surveys", "PulseCheck Research", "Climate and stakeholder surveys",
     ("students", "staff", "families"), ("survey-responses", "demographics", "app-metadata"), "signed",
     "2025-12-02", "parent-consent", "limited"),
    ("app-science", "LabSpark Simulations", "LabSpark Education", "Virtual science labs", ("students", "staff"),
     ("student-name", "student-identifiers", "student-performance"), "signed", "2025-08-26", "school-consent",
     "approved"),
    ("app-writing", "DraftWell Writing Coach", "DraftWell Inc.", "Writing feedback", ("students", "staff"),
     (*STUDENT_BASIC, "student-work", "student-performance"), "signed", "2025-09-19", "school-consent", "approved"),
    ("app-counsel", "PathFinder Careers", "PathFinder Guidance", "College and career planning",
     ("students", "staff", "families"), (*STUDENT_BASIC, "transcript", "survey-responses", "student-contact"),
     "signed", "2024-10-08", "parent-consent", "approved"),
    ("app-ell", "Lingo Ladder", "Lingo Ladder Ltd.", "English learner language practice", ("students", "staff"),
     (*STUDENT_BASIC, "special-indicators", "student-performance"), "signed", "2025-08-11", "school-consent",
     "approved"),
    ("app-transport", "RouteWise", "RouteWise Transit Software", "Bus routing", ("staff", "families"),
     ("student-name", "student-identifiers", "transportation", "parent-contact"), "signed", "2024-06-20",
     "not-applicable", "staff-only"),
    ("app-nutrition", "LunchLine", "LunchLine Payments", "Meal accounts", ("staff", "families"),
     ("student-name", "student-identifiers", "special-indicators", "parent-name", "parent-contact"), "signed",
     "2024-08-15", "not-applicable", "staff-only"),
    ("app-portfolio", "Showcase Portfolios", "Showcase Learning", "Student digital portfolios",
     ("students", "staff", "families"), ("student-name", "student-identifiers", "student-work"), "signed",
     "2025-11-07", "school-consent", "approved"),
    ("app-quiz", "QuizBurst", "QuizBurst Games", "Classroom quiz games", ("students", "staff"),
     ("student-name", "student-performance", "app-metadata"), "requested", "", "school-consent", "limited"),
    ("app-whiteboard", "Inkboard Live", "Inkboard Co.", "Collaborative whiteboard", ("students", "staff"),
     ("student-name", "student-work", "communications"), "requested", "", "school-consent", "pending"),
    ("app-chat", "ChatterBox Class", "ChatterBox Apps", "Open class chat", ("students",),
     ("student-name", "communications", "student-contact"), "none", "", "parent-consent", "not-approved"),
]
RETENTION = {
    "signed": "Deleted within 60 days of contract end or on district request; no sale or advertising use.",
    "requested": "Agreement requested; vendor terms allow deletion on request within 90 days.",
    "none": "Vendor keeps data indefinitely; not acceptable.",
}

PRACTICES = {  # practice id: (rating, notes)
    "tle-lead-policy": (3, "Board policy 5125 updated in 2024."),
    "tle-lead-owner": (2, "CTO holds the role informally; a privacy coordinator is budgeted."),
    "tle-lead-transparency": (2, "No public app list yet."),
    "tle-lead-review": (1, "Not yet on the leadership calendar."),
    "tle-bus-vetting": (2, "Reviews happen for district purchases but not for free apps."),
    "tle-bus-agreements": (3, "Most paid vendors signed the state model agreement."),
    "tle-bus-inventory": (2, "Inventory started at the summit; school-level apps still being gathered."),
    "tle-bus-offboarding": (1, "No process to confirm deletion when a contract ends."),
    "tle-sec-access": (3, "SIS roles reviewed each summer."),
    "tle-sec-incident": (2, "Plan written in 2022; never exercised."),
    "tle-sec-audit": (3, "Yearly external scan; patching monthly."),
    "tle-sec-mfa": (4, "Required for all staff since 2024."),
    "tle-pd-training": (2, "Optional module; about a third of staff completed it."),
    "tle-pd-newhire": (3, "Included in new staff orientation."),
    "tle-pd-leaders": (1, "Approvers have had no specific training."),
    "tle-class-approved": (2, "Teachers often sign up for free apps on their own."),
    "tle-class-citizenship": (3, "Digital citizenship lessons taught in grades 3–8."),
    "tle-class-families": (2, "Some teachers list apps in their syllabus."),
}

DEVICES = [  # id, type, users, count, average age, refresh cycle
    ("fleet-chromebooks", "chromebook", "students", 9_600, 4, 4),
    ("fleet-tablets", "tablet", "students", 2_400, 2, 4),
    ("fleet-staff-laptops", "laptop", "staff", 1_250, 4, 4),
    ("fleet-displays", "interactive-display", "shared", 980, 6, 8),
    ("fleet-desktops", "desktop", "shared", 620, 6, 6),
    ("fleet-hotspots", "hotspot", "students", 450, 2, 3),
]

NETWORK = model.Network(
    internet_mbps=4_000, wan_mbps=10_000, wifi_coverage_percent=100, target_mbps_per_1000=100,
    target_wan_mbps=1_000, support_technicians=10,
    notes="Internet (4 Gbps) and the 10 Gbps WAN ring were upgraded in summer 2025. Every classroom has Wi-Fi, "
          "but nine schools still run access points more than seven years old. Four more technicians are "
          "budgeted from FY2028 as devices grow.")

SOURCES = [  # id, name, kind, recurring
    ("src-general", "General fund (technology allocation)", "general-fund", True),
    ("src-erate", "E-Rate discounts", "e-rate", True),
    ("src-title4", "Title IV-A Student Support and Academic Enrichment", "title-iv-a", True),
    ("src-title2", "Title II-A Supporting Effective Instruction", "title-ii-a", True),
    ("src-state", "State Digital Learning Readiness Grant", "state-grant", False),
]
# description | category | goal | fiscal years (a range means recurring) | unit cost | quantity | source | app
LINES = """
# network: readiness before devices
External network readiness assessment | services | goal-network | 2027 | 38000 | 1 | src-state | -
Internet access, 4 Gbps | network | goal-network | 2027-2031 | 96000 | 1 | src-erate | -
WAN fiber lease, 24 sites | network | goal-network | 2027-2031 | 3500 | 24 | src-erate | -
Backup internet circuit | network | goal-network | 2027-2031 | 24000 | 1 | src-erate | -
Wi-Fi 6 access points, phase 1 (9 schools) | network | goal-network | 2027 | 650 | 420 | src-state | -
Wi-Fi installation labour, phase 1 | services | goal-network | 2027 | 180 | 420 | src-state | -
Core switch replacement | network | goal-network | 2027 | 185000 | 1 | src-state | -
Wi-Fi 6 access points, phase 2 (8 schools) | network | goal-network | 2028 | 650 | 360 | src-erate | -
Edge switches, secondary schools | network | goal-network | 2028 | 4200 | 60 | src-general | -
Wi-Fi 6 access points, phase 3 (7 schools) | network | goal-network | 2029 | 650 | 310 | src-erate | -
Network monitoring service | services | goal-network | 2027-2031 | 18000 | 1 | src-general | -
Student hotspot data plans | network | goal-devices | 2027-2031 | 180 | 900 | src-title4 | -
# devices: tested first, then phased by grade band
Device pilot: three models, six classrooms | devices | goal-devices | 2027 | 350 | 180 | src-state | -
Additional student hotspots | devices | goal-devices | 2027 | 120 | 450 | src-title4 | -
Staff laptops, refresh phase 1 | devices | goal-devices | 2027 | 780 | 600 | src-general | -
Student Chromebooks, grades 9–12 | devices | goal-devices | 2028 | 320 | 5600 | src-general | -
Protective cases, grades 9–12 | devices | goal-devices | 2028 | 28 | 5600 | src-general | -
Device distribution contractor, phase 1 | services | goal-devices | 2028 | 85000 | 1 | src-general | -
Charging and electrical upgrades, high schools | facilities | goal-devices | 2028 | 120000 | 1 | src-state | -
Secure device storage rooms | facilities | goal-devices | 2028 | 15000 | 3 | src-general | -
Student Chromebooks, grades 6–8 | devices | goal-devices | 2029 | 320 | 4200 | src-general | -
Protective cases, grades 6–8 | devices | goal-devices | 2029 | 28 | 4200 | src-general | -
Device distribution contractor, phase 2 | services | goal-devices | 2029 | 60000 | 1 | src-general | -
Staff laptops, refresh phase 2 | devices | goal-devices | 2029 | 780 | 650 | src-general | -
Retired device recycling and data wiping | services | goal-privacy | 2029 | 9 | 4800 | src-general | -
Student Chromebooks, grades 3–5 | devices | goal-devices | 2030 | 300 | 4100 | src-general | -
Charging carts, elementary classrooms | devices | goal-devices | 2030 | 1800 | 80 | src-general | -
Device distribution contractor, phase 3 | services | goal-devices | 2030 | 60000 | 1 | src-general | -
Interactive display replacements | devices | goal-deeper | 2030 | 3200 | 120 | src-general | -
Tablet refresh, kindergarten–grade 2 | devices | goal-devices | 2031 | 340 | 2400 | src-general | -
Interactive display replacements, second round | devices | goal-deeper | 2031 | 3200 | 120 | src-general | -
Repair parts and accidental damage cover | devices | goal-devices | 2028-2031 | 65000 | 1 | src-general | -
# software: only apps with signed agreements
Learning management system licence | software | goal-deeper | 2027-2031 | 6.00 | 18240 | src-general | app-lms
Student information system | software | goal-vision | 2027-2031 | 68000 | 1 | src-general | app-sis
Device management licences | software | goal-devices | 2028-2031 | 5.50 | 19000 | src-general | app-mdm
Web filtering subscription | software | goal-privacy | 2027-2031 | 22000 | 1 | src-general | app-filter
Single sign-on and rostering | software | goal-privacy | 2027-2031 | 26000 | 1 | src-general | app-sso
Adaptive math practice, grades 3–8 | software | goal-deeper | 2027-2031 | 12.00 | 8400 | src-general | app-math
Reading practice, K–5 | software | goal-deeper | 2027-2031 | 9.50 | 8200 | src-general | app-reading
Interim assessment platform | software | goal-deeper | 2027-2031 | 4.25 | 18240 | src-general | app-assess
Family messaging and translation | software | goal-vision | 2027-2031 | 32000 | 1 | src-general | app-family
Help desk ticketing | software | goal-devices | 2027-2031 | 14000 | 1 | src-general | app-helpdesk
Vendor agreement tracking | software | goal-privacy | 2027-2031 | 8000 | 1 | src-general | app-dpa
Digital library and audiobooks | software | goal-deeper | 2027-2031 | 45000 | 1 | src-general | app-library
Computer science courses, high school | software | goal-deeper | 2029-2031 | 12000 | 1 | src-title4 | app-coding
Stakeholder survey platform | software | goal-vision | 2027-2031 | 6500 | 1 | src-general | app-survey
# professional learning: the main lever, starting in year one
Leadership cohort institute facilitation | professional-learning | goal-vision | 2027-2031 | 45000 | 1 | src-title2 | -
Teacher leader network stipends | professional-learning | goal-learning | 2027-2031 | 1500 | 48 | src-title2 | -
Technology facilitator stipends | professional-learning | goal-learning | 2027-2031 | 6000 | 24 | src-title2 | -
Standards deep dive substitute coverage | professional-learning | goal-deeper | 2027-2031 | 220 | 120 | src-title2 | -
Core pathway stipends, high school staff | professional-learning | goal-learning | 2027 | 150 | 320 | src-title2 | -
Core pathway stipends, middle school staff | professional-learning | goal-learning | 2028 | 150 | 260 | src-title2 | -
Core pathway stipends, elementary staff | professional-learning | goal-learning | 2029 | 150 | 460 | src-title2 | -
Classroom coaching partner | services | goal-learning | 2027-2030 | 90000 | 1 | src-title2 | -
Exemplar lesson writing stipends | professional-learning | goal-deeper | 2027 | 1200 | 36 | src-title4 | -
Exemplar library expansion stipends | professional-learning | goal-deeper | 2029 | 1200 | 24 | src-title4 | -
Student data privacy course licences | professional-learning | goal-privacy | 2027-2031 | 4.00 | 2160 | src-title4 | -
Teacher leader conference registrations | professional-learning | goal-learning | 2027-2031 | 900 | 12 | src-title4 | -
Lighthouse school peer visit travel | professional-learning | goal-vision | 2028-2031 | 8000 | 1 | src-title4 | -
Family digital learning nights | professional-learning | goal-devices | 2027-2031 | 12000 | 1 | src-title4 | -
# support and evaluation
Support technicians (4 FTE added) | support-staff | goal-devices | 2028-2031 | 74000 | 4 | src-general | -
Student data privacy coordinator (0.5 FTE) | support-staff | goal-privacy | 2027-2031 | 58000 | 1 | src-general | -
Independent security audit | services | goal-privacy | 2027-2031 | 25000 | 1 | src-general | -
Program evaluation partner | services | goal-vision | 2027-2031 | 40000 | 1 | src-title4 | -
Learning commons pilots at two lighthouse schools | facilities | goal-deeper | 2028 | 90000 | 2 | src-general | -
Plan communications and community forums | other | goal-vision | 2027-2031 | 6000 | 1 | src-general | -
"""

MILESTONES = [  # title, date, owner, status, goals
    ("Leadership team formed and chartered", "2026-02-10", "member-01", "done", ("goal-vision",)),
    ("Readiness self-assessment completed at the summit", "2026-03-10", "member-02", "done", ("goal-vision",)),
    ("Vision and plan adopted by the board", "2026-05-14", "member-01", "in-progress", ("goal-vision",)),
    ("App inventory complete and published", "2026-10-30", "member-04", "in-progress", ("goal-privacy",)),
    ("Leadership cohort institute held", "2026-08-06", "member-06", "not-started", ("goal-vision", "goal-learning")),
    ("Network readiness assessment report", "2026-09-30", "member-04", "in-progress", ("goal-network",)),
    ("All staff complete privacy essentials", "2026-09-30", "member-06", "not-started", ("goal-privacy",)),
    ("Teacher leader network launched", "2026-09-19", "member-06", "not-started", ("goal-learning",)),
    ("Device pilot results and model chosen", "2027-02-26", "member-04", "not-started", ("goal-devices",)),
    ("Wi-Fi phase 1 complete (9 schools)", "2027-06-30", "member-04", "at-risk", ("goal-network",)),
    ("High school staff complete the core pathway", "2027-06-11", "member-06", "not-started", ("goal-learning",)),
    ("Grades 9–12 devices distributed", "2027-09-15", "member-04", "not-started", ("goal-devices",)),
    ("First yearly progress report to the board", "2027-08-31", "member-01", "not-started", ("goal-vision",)),
    ("Wi-Fi phase 2 complete (8 schools)", "2028-06-30", "member-04", "not-started", ("goal-network",)),
    ("Every app in use has a signed agreement", "2028-06-30", "member-04", "not-started", ("goal-privacy",)),
    ("Two lighthouse schools open for visits", "2028-03-31", "member-08", "not-started", ("goal-deeper",)),
    ("Grades 6–8 devices distributed", "2028-09-15", "member-04", "not-started", ("goal-devices", "goal-learning")),
    ("Mid-plan evaluation and course corrections", "2029-01-31", "member-02", "not-started",
     ("goal-vision", "goal-deeper")),
    ("Grades 3–5 devices distributed", "2029-09-15", "member-04", "not-started", ("goal-devices",)),
    ("Final evaluation and next plan drafted", "2031-05-29", "member-02", "not-started",
     ("goal-vision", "goal-deeper", "goal-learning")),
]

APPROVAL = model.Approval(
    superintendent_name="Dr. Maria Alvarez", superintendent_title="Superintendent",
    board_president="Gregory Hale", technology_director="Samuel Okafor", board_meeting_date=D("2026-05-14"))


def _budget_line(n: int, row: str) -> model.BudgetLine:
    description, category, goal, years, unit, quantity, source, app = (c.strip() for c in row.split("|"))
    first, _, last = years.partition("-")
    return model.BudgetLine(f"line-{n + 1:02d}", description, category, goal, bool(last),
                            Decimal(unit).quantize(Decimal("0.01")), int(quantity), int(first), int(last or first),
                            source, None if app == "-" else app)


def _funding(lines: tuple[model.BudgetLine, ...]) -> tuple[model.FundingSource, ...]:
    """Each source's yearly amount: what its lines need, rounded up to 5,000, plus a small reserve if recurring."""
    out = []
    for sid, name, kind, recurring in SOURCES:
        amounts = []
        for year in YEARS:
            need = sum((ln.cost_per_year() for ln in lines if ln.funding_source_id == sid and year in ln.years()),
                       Decimal(0))
            rounded = (need / 5000).to_integral_value(rounding=ROUND_CEILING) * 5000
            amounts.append((rounded + (10000 if recurring and need else 0)).quantize(Decimal("0.01")))
        out.append(model.FundingSource(sid, name, kind, recurring, tuple(amounts)))
    return tuple(out)


def build() -> model.Plan:
    members = tuple(model.TeamMember(i, n, r, t, n.replace("Dr. ", "").lower().replace(" ", ".")
                                     .replace("á", "a") + "@cedarvalley.example") for i, n, r, t in MEMBERS)
    readiness = tuple(model.ReadinessRating(e, s, n, e in REVEALED) for e, (s, n) in READINESS.items())
    ratings = tuple(model.MemberRating(f"mr-{e}-{m}", e, m, s)
                    for e, scores in SILENT.items() for m, s in zip(SILENT_RATERS, scores, strict=True))
    goals = tuple(model.Goal(i, t, d, g, c, er, me, b, ta, NAME[o], D(due), n + 1)
                  for n, (i, t, d, g, c, er, me, b, ta, o, due) in enumerate(GOALS))
    actions = tuple(model.GoalAction(f"action-{n + 1:02d}", g, t, NAME[o], D(due), s)
                    for n, (g, t, o, due, s) in enumerate(ACTIONS))
    learning = tuple(model.LearningActivity(i, t, c, a, p, Decimal(h), f, D(s), D(e), g)
                     for i, t, c, a, p, h, f, s, e, g in LEARNING)
    apps = tuple(model.AppEntry(i, n, v, p, au, cats, st, D(d) if d else None, cr, RETENTION[st], ap)
                 for i, n, v, p, au, cats, st, d, cr, ap in APPS)
    practices = tuple(model.PracticeRating(p, r, n) for p, (r, n) in PRACTICES.items())
    devices = tuple(model.DeviceFleet(*row) for row in DEVICES)
    lines = tuple(_budget_line(n, row) for n, row in enumerate(r for r in LINES.splitlines() if "|" in r))
    milestones = tuple(model.Milestone(f"milestone-{n + 1:02d}", t, D(d), NAME[o], s, g)
                       for n, (t, d, o, s, g) in enumerate(MILESTONES))
    return following_advice(model.Plan(
        district=DISTRICT, vision=model.Vision(VISION), network=NETWORK, approval=APPROVAL, members=members,
        readiness=readiness, member_ratings=ratings, goals=goals, actions=actions, learning=learning, apps=apps,
        practices=practices, devices=devices, funding=_funding(lines), budget=lines, milestones=milestones))


# --- the plan follows its own checks: E-Rate with a local match, upkeep, dated rollout, accepted findings --------

UPGRADES = [  # id, title, effective, internet Mbps, lines that pay for it
    ("upgrade-internet", "Internet access raised to 12 Gbps", "2026-09-30", 12000, ["line-02"]),
    ("upgrade-wifi-1", "Wi-Fi 6 and core switch in nine schools (phase 1)", "2027-06-30", 0,
     ["line-05", "line-06", "line-07"]),
    ("upgrade-internet-2", "Internet access raised to 25 Gbps", "2029-07-01", 25000, ["line-02"]),
]

NETWORK_NOTES = (
    "Internet (4 Gbps) and the 10 Gbps WAN ring were upgraded in summer 2025; the internet link rises to 12 Gbps "
    "before the pilot devices arrive and to 25 Gbps before the grades 3–5 devices. Every classroom has Wi-Fi, but "
    "nine schools still run access points more than seven years old. Support grows from 16 to 20 technicians in "
    "FY2028 as devices are added.")

LINE_CHANGES: dict[str, dict[str, object]] = {
    "line-02": {"description": "Internet access, 12 Gbps (25 Gbps from FY2030)", "unit_cost": "120000.00",
                "erate_category": "category-1", "match_source_id": "src-general"},
    "line-03": {"erate_category": "category-1", "match_source_id": "src-general"},
    "line-04": {"funding_source_id": "src-general", "category": "backup-circuits"},  # not E-Rate eligible
    "line-08": {"erate_category": "category-2", "match_source_id": "src-general"},
    "line-10": {"erate_category": "category-2", "match_source_id": "src-general"},
    "line-12": {"category": "home-access"},
    "line-13": {"device_type": "chromebook", "delivery_date": "2026-10-19"},
    "line-14": {"category": "home-access", "device_type": "hotspot", "replaces_devices": True,
                "delivery_date": "2026-10-19", "description": "Student hotspots, replacement of the 450 in service"},
    "line-15": {"device_type": "laptop", "device_users": "staff", "replaces_devices": True,
                "delivery_date": "2026-10-19"},
    "line-16": {"device_type": "chromebook", "replaces_devices": True, "delivery_date": "2027-08-23",
                "unit_cost": "348.00", "description": "Student Chromebooks with cases, grades 9–12"},
    "line-21": {"device_type": "chromebook", "replaces_devices": True, "delivery_date": "2028-08-21",
                "unit_cost": "348.00", "quantity": 4000,
                "description": "Student Chromebooks with cases, grades 6–8 (refresh)"},
    "line-24": {"device_type": "laptop", "device_users": "staff", "replaces_devices": True,
                "delivery_date": "2028-08-07"},
    "line-26": {"device_type": "chromebook", "delivery_date": "2029-08-20"},
    "line-27": {"category": "facilities"},
    "line-29": {"device_type": "interactive-display", "device_users": "shared", "replaces_devices": True,
                "delivery_date": "2029-08-05"},
    "line-30": {"device_type": "tablet", "replaces_devices": True, "delivery_date": "2030-08-10"},
    "line-31": {"device_type": "interactive-display", "device_users": "shared", "replaces_devices": True,
                "delivery_date": "2030-08-04"},
    "line-32": {"category": "repairs", "description": "Repairs, parts and accidental damage cover",
                "unit_cost": "12.00", "quantity": 20000, "first_year": 2027},
    "line-61": {"first_year": 2028},
}

NEW_LINES = [  # the reserve for about 19,600 devices, and the desktops that come due
    {"id": "line-67", "description": "Device replacement reserve (four-year cycle)", "category": "device-replacement",
     "goal_id": "goal-devices", "recurring": True, "unit_cost": "2075000.00", "quantity": 1, "first_year": 2029,
     "last_year": 2031, "funding_source_id": "src-general"},
    {"id": "line-68", "description": "Lab and office desktops, refresh", "category": "devices",
     "goal_id": "goal-deeper", "recurring": False, "unit_cost": "850.00", "quantity": 620, "first_year": 2028,
     "last_year": 2028, "funding_source_id": "src-general", "device_type": "desktop", "device_users": "shared",
     "replaces_devices": True, "delivery_date": "2027-08-09"},
]

MILESTONE_KINDS = {"milestone-03": "board", "milestone-04": "communication", "milestone-09": "pilot",
                   "milestone-13": "review", "milestone-18": "review", "milestone-20": "review"}

MORE_LEARNING = [  # id, title, component, participants, hours, start, end, goals
    ("pd-pilot", "Device pilot classroom teachers: preparation and reflection", "coaching", 12, "16.00",
     "2026-09-08", "2026-10-09", ["goal-devices", "goal-learning"]),
    ("pd-readiness-ms", "Core digital learning pathway, middle school staff", "workshop", 260, "16.00",
     "2027-09-13", "2028-06-09", ["goal-learning", "goal-devices"]),
    ("pd-readiness-es", "Core digital learning pathway, elementary staff", "workshop", 460, "16.00",
     "2028-09-11", "2029-06-08", ["goal-learning", "goal-devices"]),
    ("pd-coaching-2", "Classroom coaching cycles, second year", "coaching", 300, "16.00",
     "2027-09-13", "2028-05-26", ["goal-learning", "goal-deeper"]),
    ("pd-coaching-3", "Classroom coaching cycles, third year", "coaching", 300, "16.00",
     "2028-09-11", "2029-05-25", ["goal-learning", "goal-deeper"]),
    ("pd-coaching-4", "Classroom coaching cycles, fourth year", "coaching", 300, "16.00",
     "2029-09-10", "2030-05-24", ["goal-learning", "goal-deeper"]),
    ("pd-network-5", "Teacher leader network, fifth year (10 sessions)", "teacher-leader-network", 48, "25.00",
     "2030-09-14", "2031-05-16", ["goal-learning", "goal-deeper"]),
]

TIME_GOAL = {
    "id": "goal-time", "title": "Make time for learning beyond the bell schedule",
    "description": "Schools use flexible blocks, anytime access and mastery-based pacing so that devices extend "
                   "learning time instead of filling the same periods.",
    "gear": "space-time", "iste_conditions": ["equitable-access", "learning-activities"],
    "erate_elements": ["goals-strategy"],
    "measure": "Students who complete coursework at their own pace outside the school day",
    "baseline": "9% of secondary students (spring 2026)", "target": "40% of secondary students",
    "owner": "Rachel Brennan", "due_date": "2030-06-30", "priority": 7}

TIME_ACTIONS = [  # text, owner, due
    ("Pilot flexible learning blocks in the two lighthouse schools", "Rachel Brennan", "2028-01-29"),
    ("Publish a mastery-based pacing guide for secondary courses", "James Whitfield", "2029-06-12"),
]

ACCEPTED = {  # (rule, item) → why the advice does not apply, and who says so
    ("recurring-on-appropriated-funds", "src-title4"): (
        "Title IV-A has paid for these services every year since 2018, and the board's reserve policy keeps a "
        "year of them ($253,440) in the general fund reserve, so a late or cut allocation delays no payment.",
        "finance-officer"),
    ("recurring-on-appropriated-funds", "src-title2"): (
        "Title II-A is the district's professional-learning fund and these stipends and institutes are what it "
        "exists to pay; a late allocation is bridged from the general fund reserve, as it was in July 2025.",
        "finance-officer"),
}


def _follow_own_advice(doc: dict[str, Any]) -> None:
    """Dated upgrades, E-Rate categories and matches, typed and dated device lines, upkeep, learning, kinds."""
    doc["district"]["erate_discount_percent"] = 70
    infrastructure = doc["infrastructure"]
    infrastructure.update(target_mbps_per_1000=500, target_wan_mbps=0, support_technicians=20, cipa_in_place=True,
                          notes=NETWORK_NOTES)
    infrastructure["upgrades"] = [
        {"id": i, "title": t, "effective_date": day, "internet_mbps": mbps, "wan_mbps": 0,
         "wifi_coverage_percent": 0, "budget_line_ids": paid} for i, t, day, mbps, paid in UPGRADES]
    lines = [line for line in doc["budget"]["lines"] if line["id"] not in ("line-17", "line-22")]
    for line in lines:
        line.update(LINE_CHANGES.get(line["id"], {}))
    template = {**lines[0], "app_id": None, "device_type": "", "device_users": "students", "replaces_devices": False,
                "delivery_date": None, "erate_category": "", "match_source_id": None}
    doc["budget"]["lines"] = lines + [{**template, **new} for new in NEW_LINES]
    for milestone in doc["timeline"]["milestones"]:
        milestone["kind"] = MILESTONE_KINDS.get(milestone["id"], "milestone")
    activities = doc["learning"]["activities"]
    for activity in activities:
        if activity["id"] == "pd-privacy":
            activity["purpose"] = "compliance"
        if activity["id"] == "pd-readiness":
            activity.update(title="Core digital learning pathway, high school staff", participants=320, hours="16.00")
    activities += [{"id": i, "title": t, "component": c, "audience": "teachers", "participants": p, "hours": h,
                    "format": "in-person", "start_date": s, "end_date": e, "goal_ids": g, "purpose": "instruction"}
                   for i, t, c, p, h, s, e, g in MORE_LEARNING]
    for goal in doc["vision"]["goals"]:
        if goal["id"] == "goal-learning":
            goal.update(measure="Observed lessons in which students use technology to create or investigate, in "
                                "schools past their rollout",
                        baseline="18% of observed lessons (fall 2025)", target="60% of observed lessons")
    doc["vision"]["goals"].append(TIME_GOAL)
    actions = doc["vision"]["actions"]
    actions += [{"id": f"action-{len(actions) + n + 1:02d}", "goal_id": TIME_GOAL["id"], "text": text, "owner": owner,
                 "due_date": due, "status": "not-started"} for n, (text, owner, due) in enumerate(TIME_ACTIONS)]
    for app in doc["privacy"]["apps"]:
        if app["id"] in ("app-quiz", "app-whiteboard"):
            app["approval"] = "not-approved"  # until their agreements are signed


# --- peers, lighthouse schools, the communication plan, home access and accessibility ---------------------------

LANGUAGES = "English, Spanish, Hmong, Punjabi"  # the four languages the district's family messages go out in

EQUITY = {
    "no_home_internet_percent": 12,  # one student in eight, from the fall 2025 family survey
    "take_home": "some-grades",
    "loaner_policy": (
        "Students in grades 6–12 take their Chromebook home from the day their grade band's devices arrive; families "
        "sign the responsible-use agreement at a family session first. Grades 3–5 Chromebooks stay in classroom carts "
        "and K–2 tablets stay at school; an elementary family may borrow a loaner from the school library for a week "
        "at a time. A damaged device is swapped the same day at the school help desk; families never pay for "
        "accidental damage, which the repair budget covers."),
    "hotspot_plan": (
        "About 2,190 students (12%) lack reliable home internet. The 450 district hotspots are replaced in FY2027 and "
        "lent through school libraries, first to secondary students who take devices home; Title IV-A pays data "
        "plans for 900 connections a year: those hotspots and 450 low-cost home internet subscriptions arranged "
        "through a provider's school program. E-Rate pays for none of it. The county library lends 300 more "
        "hotspots, and each fall's family survey shows who is still without a connection."),
    "assistive_students": 1_140,
    "assistive_plan": (
        "About 1,140 students have IEP or 504 plans that call for technology. Each IEP or 504 team names the device "
        "and the assistive technology (screen reader, switch access, speech-to-text, braille display) before the "
        "student's grade band rolls out; the device pilot included two classrooms of students who use them, and "
        "every model bought works with them. The special education technology specialist and the help desk support "
        "them, with a spare of each assistive device at every school."),
    "public_entity_size": "50000-or-more",
}

#: The action that checks the website, the posted plan and the app list before the ADA Title II deadline.
WCAG_ACTION = ("goal-network", "Audit the district website, the posted plan and the approved-app list for "
               "accessibility (WCAG 2.1 AA) and fix what fails", "Samuel Okafor", "2027-03-31")

PEERS = [  # id, name, enrollment, low-income %, alike in, relation, visit, visitors, adopt
    ("peer-sierra-oaks", "Sierra Oaks Unified School District", 17_600, 49,
     ["enrollment", "demographics", "low-income"], "learn-from", "2026-11-05",
     "Samuel Okafor, Tomás Reyes and two teacher leaders",
     "Their student-run help desk at each high school, and their rule that a school's devices arrive only after its "
     "staff sign off on the core training."),
    ("peer-delta-plains", "Delta Plains Joint Unified School District", 19_900, 52,
     ["enrollment", "low-income", "readiness"], "exchange", "2027-03-16",
     "James Whitfield, Rachel Brennan and three principals",
     "Their walkthrough tool for students creating with technology; in return we share our teacher leader network's "
     "session plans."),
    ("peer-foothill", "Foothill Ridge School District", 6_800, 44, ["demographics", "low-income"], "mentor",
     "2027-04-20", "Their leadership team visits our practitioner schools",
     "Their family ambassadors, parents who reach Hmong- and Punjabi-speaking families by phone before each "
     "family session."),
]

LIGHTHOUSES = [  # id, name, what it shows, goals, open from, open to, contact
    ("lighthouse-willow-creek", "Willow Creek Elementary School",
     "Grades 3–5 classrooms where students research, make and present work on cart Chromebooks, the exemplar "
     "lessons in daily use, and flexible intervention blocks.", ["goal-deeper", "goal-learning"], "2028-03-31",
     ["teachers", "leaders", "parents", "board"], "Aisha Rahman, teacher leader"),
    ("lighthouse-cedar-valley-high", "Cedar Valley High School",
     "Take-home Chromebooks in daily use across subjects, the student help desk, the learning commons and the weekly "
     "project block.", ["goal-devices", "goal-deeper"], "2028-03-31",
     ["teachers", "leaders", "parents", "community", "board"], "Derek Johnson, principal"),
]

COMMUNICATIONS = [  # kind, audiences, message, channel, languages, date, owner
    ("board-adoption", ["board", "community"], "The board adopts the vision and the five-year plan in public session, "
     "after the team presents its goals, the rollout order and what the plan costs each year.", "board-meeting",
     "English, with Spanish interpretation", "2026-05-14", "Dr. Maria Alvarez"),
    ("plan-posting", ["families", "community", "staff"], "The adopted plan, as an accessible PDF with a two-page "
     "summary, on the district website's technology page.", "website", LANGUAGES, "2026-05-21", "Samuel Okafor"),
    ("staff-briefing", ["staff"], "What the plan means for each school: training first, the rollout order, and where "
     "to ask questions.", "email", "English", "2026-08-12", "James Whitfield"),
    ("app-list-posting", ["families", "staff", "students"], "The approved-app list: what each app is for, the data it "
     "keeps, and how long it keeps it; updated each time an app is approved or removed.", "website", LANGUAGES,
     "2026-10-30", "Samuel Okafor"),
    ("family-session", ["families"], "Family technology night at every school: the plan, the approved apps and how "
     "student data is protected.", "family-meeting", LANGUAGES, "2026-10-14", "Tomás Reyes"),
    ("family-session", ["families", "students"], "Before Chromebooks go home in grades 9–12: care, safe use, the "
     "responsible-use agreement and borrowing a hotspot.", "family-meeting", LANGUAGES, "2027-05-12",
     "Paul Nakamura"),
    ("family-session", ["families", "students"], "Before Chromebooks go home in grades 6–8: care, safe use, the "
     "responsible-use agreement and borrowing a hotspot.", "family-meeting", LANGUAGES, "2028-05-10",
     "Paul Nakamura"),
    *(("progress-report", ["board", "families", "community"], f"Yearly progress report on FY{year}: each goal's "
       "measure against its baseline and target, spending against the budget, and what changes next year.",
       "board-meeting", LANGUAGES, day, "Dr. Maria Alvarez")
      for year, day in ((2027, "2027-08-26"), (2028, "2028-08-24"), (2029, "2029-08-23"), (2030, "2030-08-22"),
                        (2031, "2031-08-28"))),
]

APP_REPORTS = {"app-coding": "gaps", "app-science": "gaps", "app-quiz": "requested", "app-whiteboard": "requested",
               "app-chat": "not-available", "app-transport": "requested"}  # the rest: on file
#: Device lines whose accessibility report shows gaps (the rest of the device lines: on file).
LINE_GAPS = frozenset({"line-29", "line-31"})  # interactive displays: no screen reader on the built-in browser
PILOT_LINE = "line-13"


def _community_and_equity(doc: dict[str, Any]) -> None:
    """The district's low-income share, home access, accessibility reports, peers, lighthouses and communications."""
    doc["district"].update(low_income_percent=46, peer_matching=True)
    doc["equity"] = dict(EQUITY)
    for app in doc["privacy"]["apps"]:
        app["accessibility_report"] = APP_REPORTS.get(app["id"], "on-file")
    for line in doc["budget"]["lines"]:
        line["pilot"] = line["id"] == PILOT_LINE
        if line["device_type"] and line["category"] == "devices":
            line["accessibility_report"] = "gaps" if line["id"] in LINE_GAPS else "on-file"
    goal, text, owner, due = WCAG_ACTION
    actions = doc["vision"]["actions"]
    actions.append({"id": f"action-{len(actions) + 1:02d}", "goal_id": goal, "text": text, "owner": owner,
                    "due_date": due, "status": "not-started"})
    doc["community"] = {
        "peers": [{"id": i, "name": n, "state": "California", "enrollment": e, "low_income_percent": li,
                   "alike_in": alike, "relation": rel, "visit_date": visit, "visitors": who, "adopt": adopt}
                  for i, n, e, li, alike, rel, visit, who, adopt in PEERS],
        "lighthouses": [{"id": i, "name": n, "district": DISTRICT.name, "shows": shows, "goal_ids": goals,
                         "open_from": day, "open_to": to, "contact": contact}
                        for i, n, shows, goals, day, to, contact in LIGHTHOUSES],
        "communications": [{"id": f"communication-{n + 1:02d}", "kind": kind, "audiences": audiences,
                            "message": message, "channel": channel, "languages": languages, "planned_date": day,
                            "owner": owner}
                           for n, (kind, audiences, message, channel, languages, day, owner)
                           in enumerate(COMMUNICATIONS)],
    }


def _charged_funding(plan: model.Plan, content: Content) -> model.Plan:
    """Each source funds what it is charged: E-Rate its discounts, the rest rounded up to $5,000 (or as before)."""
    summary = summarize(plan, content)
    sources = []
    for source in plan.funding:
        charged = [summary.charged.get((source.id, year), Decimal(0)) for year in plan.fiscal_years()]
        if source.kind != "e-rate":
            charged = [(c / 5000).to_integral_value(rounding=ROUND_CEILING) * 5000 for c in charged]
        amounts = tuple(Decimal(c).quantize(Decimal("0.01")) for c in charged) + source.amounts[len(charged):]
        keep = source.kind not in ("e-rate", "general-fund") and all(
            a >= c for a, c in zip(source.amounts, amounts, strict=True))
        sources.append(source if keep else dataclasses.replace(source, amounts=amounts))
    return plan.replace(funding=tuple(sources))


def _accepted(plan: model.Plan, content: Content) -> model.Plan:
    """The advice the team accepted, each with its reason, its role and the facts it was accepted on."""
    found = [(f, f.item_id or "") for f in run_checks(plan, content) if (f.rule, f.item_id or "") in ACCEPTED]
    return plan.replace(acceptances=tuple(
        model.Acceptance(f"acceptance-{n + 1}", f.rule, item, basis(plan, f), *ACCEPTED[f.rule, item])
        for n, (f, item) in enumerate(found)))


def following_advice(plan: model.Plan) -> model.Plan:
    """``plan`` as the team revised it after reading the plan checks."""
    content = load_content()
    doc = plan_to_json(plan)
    _follow_own_advice(doc)
    _community_and_equity(doc)
    revised = _charged_funding(plan_from_json(doc, content), content)
    return _accepted(revised, content)


def main() -> None:
    plan = build()
    problems = plan_problems(plan, load_content())
    assert not problems, problems
    summary = summarize(plan, load_content())
    assert not any(summary.gaps().values()), summary.gaps()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(dumps(plan), encoding="utf-8")
    for year in summary.years:
        print(f"FY{year}: budget {summary.by_year[year]:>14,.2f}  funding {summary.funding_by_year[year]:>14,.2f}")
    print(f"{len(plan.budget)} lines; wrote {OUT}")


if __name__ == "__main__":
    main()

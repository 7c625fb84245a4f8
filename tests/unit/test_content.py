"""The shipped content: frameworks, vocabularies and guidance."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import specs

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

GEARS = [
    "Curriculum, Instruction, and Assessment", "Use of Space and Time", "Robust Infrastructure",
    "Data and Privacy", "Community Partnerships", "Personalized Professional Learning", "Budget and Resources",
    "Collaborative Leadership",
]
#: The framework's element names, copied from the domain notes (DOMAIN.md), punctuation and all.
FRAMEWORK_ELEMENTS = {
    "Curriculum, Instruction, and Assessment": [
        "21st Century Skills/Deeper Learning", "Personalized Learning",
        "Collaborative, Relevant, and Applied Learning", "Leveraging Technology",
        "Assessment\u2014Analytics Inform Instruction"],
    "Use of Space and Time": [
        "Flexible Learning; Anytime, Anywhere",
        "New Pedagogy, Schedules, and Learning Environments for Personalized Learning",
        "Competency-Based Learning", "Strategies for Providing Extended Time for Projects and Collaboration"],
    "Robust Infrastructure": [
        "Adequacy of Devices; Quality and Availability", "Robust Network Infrastructure",
        "Adequate and Responsive Support", "Formal Cycle for Review and Replacement"],
    "Data and Privacy": [
        "Data and Data Systems", "Data Policies, Procedures, and Practices", "Data-Informed Decision Making",
        "Data Literate Education Professionals"],
    "Community Partnerships": [
        "Local Community Engagement and Outreach", "Global and Cultural Awareness",
        "Digital Learning Environments as Connectors to Local/Global Communities",
        "Parental Communication and Engagement"],
    "Personalized Professional Learning": [
        "Shared Ownership and Responsibility for Professional Growth", "21st Century Skill Set",
        "Diverse Opportunities for Professional Learning Through Technology",
        "Broad-Based, Participative Evaluation"],
    "Budget and Resources": [
        "Efficiency and Cost Savings", "Alignment to District and School Plans", "Consistent Funding Streams",
        "Learning Return on Investment"],
    "Collaborative Leadership": [
        "A Shared, Forward-Thinking Vision for Digital Learning",
        "A Culture of Collaboration, Innovation, Capacity Building, and Empowerment",
        "High Expectations for Evidence-Based Transformations to Digital Learning",
        "Transformative, Coherent Thinking, Planning, Policies, and Implementation"],
}
#: Element ids of an earlier version of the content whose meaning no current element carries.
RETIRED = {"cia-content", "st-spaces", "cp-family-learning", "cp-home-access", "br-tco"}
ISTE_CONDITIONS = [
    "Shared Vision", "Implementation Planning", "Equitable Access", "Prepared Educators",
    "Skilled and Sufficient Technical Support", "High Quality Learning Activities and Content", "Ongoing Evaluation"]
LEADER_STANDARDS = [
    "Digital Citizenship Advocate", "Visionary Planner", "Empowering Leader", "Systems Designer",
    "Connected Learner"]
NDPA_CATEGORIES = 23
REQUIRED_IDS = {
    "roles": "superintendent assistant-superintendent board-member technology-director curriculum-director "
             "pd-director finance-officer principal teacher-leader librarian parent-partner community-partner other",
    "statuses": "not-started in-progress done at-risk",
    "pd_components": "interdepartmental-collaboration leadership-cohort standards-deep-dive practitioner-school "
                     "teacher-leader-network exemplars workshop coaching online-course conference peer-visit",
    "pd_audiences": "teachers principals leadership-team technology-staff all-staff paraprofessionals families "
                    "students",
    "pd_formats": "in-person online blended",
    "app_audiences": "students staff families",
    "agreement_statuses": "none requested signed expired",
    "consent_routes": "not-applicable school-consent parent-consent",
    "approval_statuses": "pending approved limited staff-only not-approved",
    "device_types": "chromebook laptop tablet desktop interactive-display hotspot other",
    "device_users": "students staff shared",
    "funding_kinds": "general-fund e-rate title-iv-a title-ii-a capital-bond state-grant private-grant other "
                     "to-be-identified",
    "cost_categories": "devices software network professional-learning device-replacement repairs support-staff "
                       "home-access backup-circuits services facilities other",
    "pd_purposes": "instruction compliance",
    "milestone_kinds": "milestone review pilot board communication",
    "erate_categories": "category-1 category-2",
    "erate_elements": "goals-strategy professional-development needs-assessment budget evaluation",
}
PANES = {
    "district": "District & team", "readiness": "Readiness", "vision": "Vision & goals",
    "learning": "Professional learning", "privacy": "Data privacy", "infrastructure": "Infrastructure & devices",
    "budget": "Budget", "timeline": "Timeline & evaluation", "community": "Peers & communication",
    "review": "Review & sign",
}
RECORD_TYPES = [*model.SINGLETONS.values(), *model.COLLECTIONS.values()]


def names(entries: tuple[object, ...]) -> list[str]:
    return [e.name for e in entries]  # type: ignore[attr-defined]


def test_every_vocabulary_the_model_uses_exists(content: Content) -> None:
    used = {s.vocabulary for t in RECORD_TYPES for s in specs(t) if s.vocabulary}
    assert used, "the model declares no choice fields"
    assert used <= set(content.vocabularies), used - set(content.vocabularies)


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.__name__)
def test_model_defaults_are_vocabulary_entries(content: Content, record_type: type) -> None:
    fields = {f.name: f for f in dataclasses.fields(record_type)}
    for s in specs(record_type):
        default = fields[s.name].default
        if s.vocabulary and isinstance(default, str) and default:
            assert default in content.ids(s.vocabulary), (record_type.__name__, s.name, default)


@pytest.mark.parametrize("vocabulary", sorted(REQUIRED_IDS))
def test_required_ids(content: Content, vocabulary: str) -> None:
    ids = [e.id for e in content.vocabulary(vocabulary)]
    assert ids == REQUIRED_IDS[vocabulary].split()


def test_vocabulary_entries_are_well_formed(content: Content) -> None:
    for name, entries in content.vocabularies.items():
        ids = [e.id for e in entries]
        assert len(ids) == len(set(ids)), f"{name} repeats an id"
        for entry in entries:
            assert entry.name.strip(), (name, entry.id)
            if name != "practices":
                assert KEBAB.match(entry.id), (name, entry.id)


def test_vocabulary_attributes(content: Content) -> None:
    audiences = {e.id: e for e in content.vocabulary("pd_audiences")}
    assert {i for i, e in audiences.items() if e.get("leadership")} == {"principals", "leadership-team"}
    assert {i for i, e in audiences.items() if e.get("teachers")} == {"teachers", "all-staff"}
    assert all(isinstance(e.get("leadership"), bool) and isinstance(e.get("teachers"), bool)
               for e in audiences.values())
    roles = {e.id: e.get("role") for e in content.vocabulary("cost_categories")}
    assert roles == {**{c: c for c in roles}, "device-replacement": "replacement", "backup-circuits": "network-backup"}
    assert {e.get("tco") for e in content.vocabulary("cost_categories")} == {"direct"}  # staff time is not budgeted
    erate = {e.id: e.get("erate") for e in content.vocabulary("cost_categories")}
    assert {c for c, v in erate.items() if v == "eligible"} == {"network"}
    assert {c for c, v in erate.items() if v == "ineligible"} == {"devices", "device-replacement", "home-access",
                                                                  "backup-circuits"}
    assert set(erate.values()) == {"eligible", "not-covered", "ineligible"}
    for vocabulary, attribute in (("device_types", "student_device"), ("funding_kinds", "recurring_default"),
                                  ("funding_kinds", "one_time"), ("funding_kinds", "appropriated"),
                                  ("pd_purposes", "counts_as_training"), ("data_categories", "student")):
        for entry in content.vocabulary(vocabulary):
            assert isinstance(entry.get(attribute), bool), (vocabulary, entry.id, attribute)
    funding = content.vocabulary("funding_kinds")
    assert [k.id for k in funding if k.get("recurring_default")] == ["general-fund", "e-rate", "title-iv-a",
                                                                     "title-ii-a"]
    assert [k.id for k in funding if k.get("one_time")] == ["capital-bond", "state-grant", "private-grant",
                                                            "to-be-identified"]
    assert [k.id for k in funding if k.get("appropriated")] == ["title-iv-a", "title-ii-a"]
    assert [k.id for k in funding if k.get("unidentified")] == ["to-be-identified"]
    assert [p.id for p in content.vocabulary("pd_purposes") if p.get("counts_as_training")] == ["instruction"]
    caps = {c.id: c.get("max_discount_percent") for c in content.vocabulary("erate_categories")}
    assert caps == {"category-1": 90, "category-2": 85}


def test_data_categories_follow_the_ndpa_schedule(content: Content) -> None:
    entries = content.vocabulary("data_categories")
    assert len(entries) == NDPA_CATEGORIES
    not_student = {e.name for e in entries if not e.get("student")}
    assert not_student == {"Application technology metadata", "Application use statistics",
                           "Parent/guardian contact info", "Parent/guardian ID", "Parent/guardian name"}
    assert {"Special indicators", "Student in-app performance", "Student program membership",
            "Student survey responses", "Transcript", "Transportation"} <= set(names(entries))


def test_gears_in_framework_order(content: Content) -> None:
    assert names(content.gears) == GEARS
    assert names(content.vocabulary("gears")) == GEARS


def test_element_names_are_the_frameworks_verbatim(content: Content) -> None:
    assert {g.name: [e.name for e in g.elements] for g in content.gears} == FRAMEWORK_ELEMENTS
    assert list(FRAMEWORK_ELEMENTS) == GEARS
    assert "\u2014" in content.gears[0].elements[4].name  # an em dash, not a hyphen
    assert sum(len(g.elements) for g in content.gears) == 33


def test_collaborative_leadership_is_across_the_gears(content: Content) -> None:
    assert [g.name for g in content.gears if g.across_gears] == ["Collaborative Leadership"]
    assert content.gear("leadership").label == "Collaborative Leadership (across the gears)"
    assert content.gear("cia").label == "Curriculum, Instruction, and Assessment"
    assert sum(not g.across_gears for g in content.gears) == 7


def test_retired_elements_stay_known_and_flagged(content: Content) -> None:
    assert {e.id for e in content.retired_elements()} == RETIRED
    current = content.current_element_ids()
    assert not RETIRED & current
    assert RETIRED | current == content.ids("elements")
    for element_id in RETIRED:
        element = content.element(element_id)
        assert element is not None
        assert element.retired
        assert element.name
        entry = next(e for e in content.vocabulary("elements") if e.id == element_id)
        assert entry.get("retired") is True
    assert all(e.get("retired") is False for e in content.vocabulary("elements") if e.id in current)
    assert content.element("nowhere") is None


def test_renamed_elements_keep_their_ids_and_say_what_they_were_called(content: Content) -> None:
    """A rating given under an earlier name is the same element's: same id, so nothing moves or changes."""
    formerly = {e.id: e.formerly for e in content.elements() if e.formerly}
    assert formerly == {
        "cia-agency": "Deeper Learning and Student Agency", "cia-pathways": "Personalized Learning Pathways",
        "cia-assessment": "Balanced Assessment with Timely Feedback",
        "st-anytime": "Learning Beyond the School Day", "st-schedules": "Flexible Schedules for Learning",
        "st-mastery": "Progress Based on Mastery",
        "ri-devices": "Adequacy of Devices, Quality and Availability",
        "cp-business": "Local Business and Civic Partnerships",
        "cp-communication": "Two-Way Communication with Families",
        "br-efficiency": "Shared Purchasing and Cost Efficiency",
        "br-alignment": "Spending Traced to Learning Goals"}


def test_every_gear_has_its_elements(content: Content) -> None:
    for gear in content.gears:
        assert 4 <= len(gear.elements) <= 5, gear.name


def test_element_ids_are_unique_kebab_slugs(content: Content) -> None:
    ids = [e.id for e in content.elements()]
    assert len(ids) == len(set(ids))
    assert all(KEBAB.match(i) for i in ids)


def test_levels_cover_zero_to_ten_without_gaps(content: Content) -> None:
    levels = content.levels
    assert names(levels) == ["Investigating", "Envisioning", "Planning", "Staging"]
    assert [(lv.low, lv.high) for lv in levels] == [(0, 3), (4, 5), (6, 7), (8, 10)]
    assert levels[0].low == 0
    assert levels[-1].high == 10
    assert all(a.high + 1 == b.low for a, b in itertools.pairwise(levels))
    for score in range(11):
        assert content.level_for(score).low <= score <= content.level_for(score).high


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](\s|$)", text))


def test_every_element_has_a_description_four_anchors_and_a_next_step(content: Content) -> None:
    level_ids = [lv.id for lv in content.levels]
    for element in content.elements():
        assert sentences(element.description) == 1, element.name
        assert list(element.anchors) == level_ids, element.name
        for level_id in level_ids:
            assert sentences(element.anchor(level_id)) == 1, (element.name, level_id)
        assert sentences(element.next_step) == 1, element.name
        texts = [element.description, element.next_step, *element.anchors.values()]
        assert len(set(texts)) == len(texts), element.name  # no text repeated within an element
    steps = [e.next_step for e in content.elements()]
    assert len(set(steps)) == len(steps)  # a step per element, not one per gear


def test_iste_and_erate_lists(content: Content) -> None:
    conditions = content.vocabulary("iste_conditions")
    assert names(conditions) == ISTE_CONDITIONS
    assert all(str(c.get("description", "")).strip() for c in conditions)
    assert names(content.iste_leader_standards) == LEADER_STANDARDS
    assert names(content.vocabulary("erate_elements")) == [
        "Goals and strategy", "Professional development", "Needs assessment", "Budget", "Evaluation"]


def test_privacy_practice_areas(content: Content) -> None:
    assert names(content.practice_areas) == [
        "Leadership", "Business", "Data Security", "Professional Development", "Classroom"]
    for area in content.practice_areas:
        assert 3 <= len(area.practices) <= 5, area.name
        assert all(p.get("own") is True for p in area.practices)
    ids = [p.id for p in content.vocabulary("practices")]
    assert len(ids) == len(set(ids))
    assert [(e.id, e.name) for e in content.practice_levels] == [
        ("1", "Not yet considered"), ("2", "Begun"), ("3", "In place"), ("4", "Mature")]


def test_every_pane_has_guidance(content: Content) -> None:
    assert set(content.guidance) == set(PANES)
    for pane, title in PANES.items():
        guide = content.guidance[pane]
        assert guide.title == title
        for text in (guide.why, guide.good, guide.prompt, guide.mistake):
            assert 20 <= len(text) <= 340, (pane, text)  # short enough to read in the strip
        assert 10 <= guide.minutes <= 60, pane


#: Pane → what its guidance must teach (words that must appear, case-insensitive).
TEACHES = {
    "district": ["five to twelve", "homework", "finance", "parent", "student"],
    "readiness": ["culture comes before computers", "silently", "evidence", "homework"],
    "vision": ["vision and goals, then training, then purchases", "baseline", "outcomes"],
    "learning": ["49 hours", "14 hours", "six", "departments planning together", "3-day institute",
                 "4-hour", "one standard at a time", "practitioner schools (23", "technology facilitator",
                 "10 after-school or saturday sessions", "one idea", "exemplar", "standard, grade and subject"],
    "privacy": ["ferpa", "coppa", "school may consent", "never for commercial", "ppra", "cipa",
                "model agreement", "general offer", "free apps teachers sign up"],
    "infrastructure": ["1.3 billion", "failed", "37,000", "12,500", "25 times", "trained", "network upgraded first",
                       "tested", "rarely need repair", "contractor for distribution", "1 gbps per 1,000"],
    "budget": ["discount", "20–90 %", "20–85 %", "never the whole bill", "fiscal cliff", "per student per year",
               "recurring"],
    "timeline": ["owner", "midpoint", "progress report"],
    "community": ["like yours", "enrollment", "low-income", "readiness", "visit", "adopt", "lighthouse",
                  "teachers, parents and", "community", "board adopts", "approved-app list", "languages",
                  "progress report every year", "poor communication", "failed rollout"],
    "review": ["board", "posts", "approved-app list", "wcag 2.1 aa", "languages"],
}


@pytest.mark.parametrize("pane", sorted(PANES))
def test_each_panes_guidance_teaches_its_lessons(content: Content, pane: str) -> None:
    guide = content.guidance[pane]
    text = " ".join((guide.why, guide.good, guide.prompt, guide.mistake)).lower()
    missing = [phrase for phrase in TEACHES[pane] if phrase not in text]
    assert not missing, (pane, missing)
    assert guide.mistake, pane


def test_leader_standards_are_named_where_a_step_exercises_them(content: Content) -> None:
    used = {pane: g.standard.name for pane, g in content.guidance.items() if g.standard is not None}
    assert used["privacy"] == "Digital Citizenship Advocate"
    assert used["vision"] == used["review"] == "Visionary Planner"
    assert used["infrastructure"] == "Systems Designer"
    assert used["community"] == "Visionary Planner"  # communicating the plan, sharing lessons with peers
    assert set(used.values()) <= set(LEADER_STANDARDS)
    assert content.iste_leader_standards[0].get("formerly") == "Equity and Citizenship Advocate"

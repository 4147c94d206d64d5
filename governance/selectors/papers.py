"""Read queries for papers and the agenda pack, each a fixed number of SQL queries."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from governance.agenda_rules import without_confidential
from governance.models import AgendaItem, Meeting, Paper, StandingItem

PAPER_RELATED = ("author__agency", "submitted_by", "late_accepted_by__person")


def papers_queryset():
    return Paper.objects.select_related(*PAPER_RELATED).order_by("submitted_at", "pk")


def meeting_for_papers(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("group", "chair"), pk=pk)


def paper_for_download(pk: int) -> Paper:
    return get_object_or_404(
        Paper.objects.select_related("agenda_item__meeting__group", "author"),
        pk=pk,
    )


def agenda_item_for_papers(*, meeting_pk: int, item_pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__group", "parent"), pk=item_pk, meeting_id=meeting_pk
    )


def agenda_with_papers(*, meeting: Meeting, include_confidential: bool) -> list[AgendaItem]:
    """The agenda in printed order, each item with `papers` prefetched (two queries)."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter__agency", "reporting_group")
        .prefetch_related(Prefetch("papers", queryset=papers_queryset()))
        .order_by("sort_key")
    )
    for item in items:
        item.meeting = meeting  # already loaded: spare a query per item
    return items if include_confidential else without_confidential(items)


def expects_a_paper(item: AgendaItem, *, has_sub_items: bool) -> bool:
    """Items whose business is a paper: not headings over sub-items, nor routine standing items.

    A partnership group's line under "messages to and from partnership groups"
    expects that group's report.
    """
    if has_sub_items:
        return False
    if not item.standing_item:
        return True
    return item.standing_item == StandingItem.MESSAGES and item.reporting_group_id is not None


@dataclass
class ItemPapers:
    item: AgendaItem
    papers: list[Paper]
    expects_paper: bool
    depth: int = 0

    @property
    def missing(self) -> bool:
        return self.expects_paper and not self.papers


@dataclass
class MeetingPapers:
    meeting: Meeting
    items: list[ItemPapers] = field(default_factory=list)

    @property
    def papers(self) -> list[Paper]:
        return [paper for entry in self.items for paper in entry.papers]

    @property
    def late_held_back(self) -> list[Paper]:
        return [paper for paper in self.papers if not paper.in_pack]

    @property
    def missing(self) -> list[ItemPapers]:
        return [entry for entry in self.items if entry.missing]


def meeting_papers(*, meeting: Meeting, include_confidential: bool) -> MeetingPapers:
    """Every paper of the meeting item by item, and the items still waiting for one."""
    items = agenda_with_papers(meeting=meeting, include_confidential=include_confidential)
    parents = {item.parent_id for item in items if item.parent_id}
    depth: dict[int, int] = {}
    for item in items:  # printed order puts every parent before its sub-items
        depth[item.pk] = depth.get(item.parent_id, -1) + 1 if item.parent_id else 0
    return MeetingPapers(
        meeting=meeting,
        items=[
            ItemPapers(
                item=item,
                papers=list(item.papers.all()),
                expects_paper=expects_a_paper(item, has_sub_items=item.pk in parents),
                depth=depth[item.pk],
            )
            for item in items
        ],
    )


def papers_in_pack(items: Iterable[AgendaItem]) -> list[Paper]:
    """The papers that go in the agenda pack, in agenda order: late ones only once accepted."""
    return [paper for item in items for paper in item.papers.all() if paper.in_pack]

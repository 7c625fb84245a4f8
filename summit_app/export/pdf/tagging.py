"""The PDF's logical structure (tagged PDF, PDF/UA-1), built while the pages are drawn.

Every piece of real content is drawn inside a marked-content sequence
(``/P <</MCID 3>> BDC … EMC``) that belongs to one structure element; page
furniture, rules, fills and repeated table headers are drawn as ``/Artifact``.
The structure elements form a tree (Document → Sect → H1, P, Table, Figure…)
kept here in plain Python while the report is laid out, and written as PDF
objects with reportlab's own object model when the document is saved
(:meth:`Tagger.write`), with the parent tree that maps each page's marked
content back to its element. Drawing stays reportlab's; no second pass over
the file is needed, and the bytes still depend on the plan only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

Attrs = dict[str, Any]


@dataclass(frozen=True)
class Marked:
    """A marked-content sequence: page number (from 1) and its MCID on that page."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    """A widget or link annotation that belongs to a structure element (written as an OBJR)."""

    page: int
    name: str  # reportlab's internal object name of the annotation
    struct_parent: int


class Node:
    """A structure element: its standard type, attributes and children in reading order.

    A large plan has tens of thousands (every table cell is one), hence slots and no dataclass.
    """

    __slots__ = ("alt", "attributes", "kids", "page", "parent", "role")

    def __init__(self, role: str, attributes: Attrs | None = None, alt: str | None = None,
                 parent: Node | None = None) -> None:
        self.role = role
        self.attributes = attributes  # the /A dictionary (layout, table attributes)
        self.alt = alt
        self.kids: list[Node | Marked | Annotation] = []
        self.parent = parent
        self.page: int | None = None  # the page of its first marked content (its /Pg)

    def add(self, role: str, attributes: Attrs | None = None, alt: str | None = None) -> Node:
        child = Node(role, attributes, alt, self)
        self.kids.append(child)
        return child


class Tagger:
    """The structure tree being built and the marked content of every page."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.current = self.root
        self._mcids: dict[int, int] = {}
        self._annotations: list[Annotation] = []

    # --- the tree ------------------------------------------------------------------------

    def start_section(self) -> Node:
        """A new Sect under the document: every part of the report is one."""
        self.current = self.root.add("Sect")
        return self.current

    @contextmanager
    def element(self, role: str, attributes: Attrs | None = None, parent: Node | None = None) -> Iterator[Node]:
        """Make ``role`` the parent of what is tagged inside the ``with`` block."""
        outer = self.current
        self.current = (parent or outer).add(role, attributes)
        try:
            yield self.current
        finally:
            self.current = outer

    @contextmanager
    def inside(self, node: Node) -> Iterator[Node]:
        """Continue an element made earlier (a table continued on the next page)."""
        outer, self.current = self.current, node
        try:
            yield node
        finally:
            self.current = outer

    # --- marked content ------------------------------------------------------------------

    def begin(self, page: int, node: Node) -> str:
        """The operator that opens a marked-content sequence of ``node`` on ``page``."""
        mcid = self._mcids.get(page, 0)
        self._mcids[page] = mcid + 1
        node.kids.append(Marked(page, mcid))
        if node.page is None:
            node.page = page
        return f"/{_tag(node.role)} <</MCID {mcid}>> BDC"

    @contextmanager
    def marked(self, canv: Any, role: str, attributes: Attrs | None = None, alt: str | None = None,
               node: Node | None = None) -> Iterator[Node]:
        """Draw the ``with`` block's content as one new element ``role`` (or as more of ``node``)."""
        target = node or self.current.add(role, attributes, alt)
        canv._code.append(self.begin(canv.getPageNumber(), target))
        try:
            yield target
        finally:
            canv._code.append("EMC")

    def note_annotation(self, page: int, name: str, node: Node) -> int:
        """Record that annotation ``name`` on ``page`` belongs to ``node``; its /StructParent key."""
        key = 1_000_000 + len(self._annotations)  # beyond any page's key
        annotation = Annotation(page, name, key)
        self._annotations.append(annotation)
        node.kids.append(annotation)
        return key

    # --- writing -------------------------------------------------------------------------

    def write(self, doc: Any, pages: int) -> Raw:
        """The StructTreeRoot, with every element registered in ``doc`` (reportlab's document).

        A large plan has tens of thousands of elements; each is written straight to bytes
        (reportlab's general object formatter took seconds for them). Pages and annotations
        are registered by then, so every reference resolves to its object number here.
        """
        nodes = list(_walk(self.root))
        raws = [Raw() for _ in nodes]
        numbers = doc.idToObjectNumberAndVersion

        def ref(name: str) -> str:
            return "%d %d R" % numbers[name]  # noqa: UP031 (the fastest way to write 20,000 of them)

        for i, raw in enumerate(raws):
            doc.Reference(raw, f"StructElem{i}")
        number = {id(node): ref(f"StructElem{i}") for i, node in enumerate(nodes)}
        root, owners = Raw(), {}
        doc.Reference(root, "StructTreeRoot")
        root_ref = ref("StructTreeRoot")
        pages_ref = {p: ref(f"Page{p}") for p in range(1, pages + 1)}
        per_page: dict[int, dict[int, str]] = {}
        for node, raw in zip(nodes, raws, strict=True):
            raw.data = self._element(node, doc, number, root_ref, pages_ref, per_page, ref)
            owners.update({a.struct_parent: number[id(node)] for a in node.kids if isinstance(a, Annotation)})
        nums = [f"{page - 1} [{' '.join(marks[m] for m in sorted(marks))}]"
                for page in range(1, pages + 1) for marks in (per_page.get(page, {}),)]
        nums += [f"{key} {owners[key]}" for key in sorted(owners)]
        root.data = (f"<< /Type /StructTreeRoot /K [{number[id(self.root)]}] /ParentTree << /Nums [\n"
                     + "\n".join(nums) + f"\n] >> /ParentTreeNextKey {1_000_000 + len(self._annotations)} >>").encode()
        return root

    @staticmethod
    def _element(node: Node, doc: Any, number: dict[int, str], root_ref: str, pages_ref: dict[int, str],
                 per_page: dict[int, dict[int, str]], ref: Any) -> bytes:
        parts = [f"<< /Type /StructElem /S /{node.role} /P {number[id(node.parent)] if node.parent else root_ref}"]
        first = node.page
        if first is not None:
            parts.append(f"/Pg {pages_ref[first]}")
        if node.alt is not None:
            parts.append("/Alt " + PDFString(node.alt).format(doc).decode("latin-1"))
        if node.attributes:
            parts.append("/A << " + " ".join(f"/{k} {_value(v)}" for k, v in node.attributes.items()) + " >>")
        kids: list[str] = []
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(number[id(kid)])
            elif isinstance(kid, Marked):
                per_page.setdefault(kid.page, {})[kid.mcid] = number[id(node)]
                kids.append(str(kid.mcid) if kid.page == first else
                            f"<< /Type /MCR /Pg {pages_ref[kid.page]} /MCID {kid.mcid} >>")
            else:
                obj = ref(kid.name)
                kids.append(f"<< /Type /OBJR /Pg {pages_ref[kid.page]} /Obj {obj} >>")
        if kids:
            parts.append(f"/K [{' '.join(kids)}]")
        return (" ".join(parts) + " >>").encode("latin-1")  # names and numbers only; /Alt is already encoded


class Raw(PDFObject):
    """An object already written as PDF bytes."""

    data = b""

    def format(self, document: Any) -> bytes:
        return self.data


def _value(value: Any) -> str:
    """An attribute value: a name (reportlab's ``PDFName`` is the text ``/Column``), a number, an array."""
    return str(value)


def _tag(role: str) -> str:
    """The tag on the marked content: the element's type (a reader may show it without the tree)."""
    return role


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for kid in node.kids:
        if isinstance(kid, Node):
            yield from _walk(kid)


def page_ref(page: int) -> PDFObjectReference:
    """reportlab names page objects Page1, Page2… in the order they are added."""
    return PDFObjectReference(f"Page{page}")


ARTIFACT_BEGIN = "/Artifact BMC"
PAGINATION_BEGIN = "/Artifact <</Type /Pagination>> BDC"
END = "EMC"


@contextmanager
def artifact(canv: Any, begin: str = ARTIFACT_BEGIN) -> Iterator[None]:
    """Draw the ``with`` block's content as an artifact (not read aloud, not in the tree)."""
    canv._code.append(begin)
    try:
        yield
    finally:
        canv._code.append(END)


class PlainStream(PDFStream):
    """A stream written without filters (XMP metadata must stay readable as text)."""

    def format(self, document: Any) -> bytes:
        content = self.content.encode("utf-8") if isinstance(self.content, str) else self.content
        dictionary = PDFDictionary(dict(self.dictionary.dict))
        dictionary["Length"] = len(content)
        head: bytes = dictionary.format(document)
        return head + b"\nstream\n" + content + b"\nendstream\n"


def xmp(title: str, author: str, subject: str, keywords: str, creator: str, producer: str, date: str,
        lang: str) -> str:
    """XMP metadata with the title and the PDF/UA-1 identifier; ``date`` is ISO 8601."""

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{esc(title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{esc(author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{esc(subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{esc(lang)}</rdf:li></rdf:Bag></dc:language>
<dc:format>application/pdf</dc:format>
<pdf:Keywords>{esc(keywords)}</pdf:Keywords>
<pdf:Producer>{esc(producer)}</pdf:Producer>
<xmp:CreatorTool>{esc(creator)}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

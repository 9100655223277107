"""What changed between the published version of a flow and an uploaded one.

An admin who uploads a flow gets this summary back before anything is published, so a
slip (a choice dropped, a rule moved above another, a text pasted into the wrong
language) shows up while it is still cheap to fix. ``compare`` builds the changes as
data; ``summary`` turns them into short lines for a phone, through the bot's catalogs.

Everything is named by the ids and codes the admin wrote in the file, never by the
supporter-facing texts: those are long, and the reader has the file open anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.flow.diagram import describe
from bot.flow.graph import exits
from bot.flow.model import (
    FieldSpec,
    FlowDefinition,
    MultiChoiceStep,
    ReviewStep,
    SingleChoiceStep,
    Step,
    SubmitStep,
    TriageRule,
)
from bot.flow.texts import iter_texts
from bot.messages import N_

#: How many ids one line lists before it says how many more there are.
MAX_LISTED = 8

NEW_FLOW = N_("New flow {flow}, version {version}: {steps} steps, {fields} fields")
VERSION = N_("Version {old} → {new}")
ID_CHANGED = N_("Flow id changed: {old} → {new}")
START_CHANGED = N_("Start step: {old} → {new}")
STEPS_ADDED = N_("Steps added: {steps}")
STEPS_REMOVED = N_("Steps removed: {steps}")
KINDS_CHANGED = N_("Step kinds changed: {steps}")
CHOICES_CHANGED = N_("Choices of {step}: {changes}")
CHOICES_REORDERED = N_("reordered")
ROUTES_CHANGED = N_("Routes changed: {steps}")
SETTINGS_CHANGED = N_("Settings changed: {steps}")
FIELDS_ADDED = N_("Fields added: {fields}")
FIELDS_REMOVED = N_("Fields removed: {fields}")
FIELDS_CHANGED = N_("Fields changed: {fields}")
RULES_ADDED = N_("Triage rules added: {rules}")
RULES_REMOVED = N_("Triage rules removed: {rules} (old numbering)")
RULES_CHANGED = N_("Triage rules changed: {rules}")
RULES_REORDERED = N_("Triage rules were reordered: the first match wins")
REGION_CHANGED = N_("Region fields: {old} → {new}")
CONSENT_CHANGED = N_("Contact consent: {old} → {new}")
NOTHING = N_("(none)")
LOCALES_ADDED = N_("Locales added: {locales}")
LOCALES_REMOVED = N_("Locales removed: {locales}")
TEXTS_CHANGED = N_("Texts changed ({locale}): {count} — {locations}")
NO_CHANGES = N_("No changes.")
VERSION_NOT_RAISED = N_(
    "The version number was not raised: publishing will be refused until it is"
)
AND_MORE = N_("{items} and {count} more")

#: Step keys reported elsewhere (texts, choices, routes), so not as settings.
_NOT_SETTINGS = frozenset(
    {"kind", "text", "texts", "warning", "button", "choices", "routes", "next"}
)


@dataclass(frozen=True)
class KindChange:
    """A step that kept its id but became another kind."""

    step: str
    old: str
    new: str


@dataclass(frozen=True)
class ChoiceChange:
    """The buttons of a step, by value code."""

    step: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    reordered: bool


@dataclass(frozen=True)
class NamedChange:
    """A step or field with the names of what changed in it (``min``, ``values``...)."""

    name: str
    what: tuple[str, ...]


@dataclass(frozen=True)
class TextChanges:
    """Text locations (``steps.consent.text``) whose text in ``locale`` differs, was added
    or removed: in the new flow's order, then the removed ones."""

    locale: str
    locations: tuple[str, ...]


@dataclass(frozen=True)
class RuleChanges:
    """Triage rules as an ordered list, numbered from 1 as an admin counts them.

    ``added`` and ``changed`` are numbers in the new flow, ``removed`` in the old one.
    A rule that only moved is in none of them; ``reordered`` says that one did.
    """

    added: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    changed: tuple[int, ...] = ()
    reordered: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.reordered)


@dataclass(frozen=True)
class Changes:
    """Everything that differs between two versions of a flow.

    For a new flow (no old version) steps, fields, rules and locales are all added, and
    no text, route or setting is listed one by one.
    """

    flow: str
    old_version: int | None
    new_version: int
    version_raised: bool
    #: (old, new) when they differ.
    id_changed: tuple[str, str] | None = None
    start: tuple[str, str] | None = None
    steps_added: tuple[str, ...] = ()
    steps_removed: tuple[str, ...] = ()
    kinds_changed: tuple[KindChange, ...] = ()
    choices: tuple[ChoiceChange, ...] = ()
    routes_changed: tuple[str, ...] = ()
    settings_changed: tuple[NamedChange, ...] = ()
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()
    fields_changed: tuple[NamedChange, ...] = ()
    triage: RuleChanges = RuleChanges()
    region: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    #: (old, new) described as in the diagram; ``None`` inside when there is none.
    contact_consent: tuple[str | None, str | None] | None = None
    locales_added: tuple[str, ...] = ()
    locales_removed: tuple[str, ...] = ()
    texts: tuple[TextChanges, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing but the version number differs."""
        return not (
            self.id_changed
            or self.start
            or self.steps_added
            or self.steps_removed
            or self.kinds_changed
            or self.choices
            or self.routes_changed
            or self.settings_changed
            or self.fields_added
            or self.fields_removed
            or self.fields_changed
            or not self.triage.empty
            or self.region
            or self.contact_consent
            or self.locales_added
            or self.locales_removed
            or self.texts
        )


def compare(old: FlowDefinition | None, new: FlowDefinition) -> Changes:
    """The changes from ``old`` (the published version, ``None`` if there is none) to
    ``new``. Both are flows that passed the loader."""
    if old is None:
        return Changes(
            flow=new.id,
            old_version=None,
            new_version=new.version,
            version_raised=True,
            steps_added=tuple(new.steps),
            fields_added=tuple(new.fields),
            triage=RuleChanges(added=tuple(range(1, len(new.triage) + 1))),
            locales_added=tuple(new.locales),
        )
    both = [s for s in new.steps if s in old.steps]
    old_consent = _described(old)
    new_consent = _described(new)
    return Changes(
        flow=new.id,
        old_version=old.version,
        new_version=new.version,
        version_raised=new.version > old.version,
        id_changed=(old.id, new.id) if old.id != new.id else None,
        start=(old.start, new.start) if old.start != new.start else None,
        steps_added=_missing(new.steps, old.steps),
        steps_removed=_missing(old.steps, new.steps),
        kinds_changed=tuple(
            KindChange(s, old.steps[s].kind, new.steps[s].kind)
            for s in both
            if old.steps[s].kind != new.steps[s].kind
        ),
        choices=tuple(
            c for s in both if (c := _choices(s, old.steps[s], new.steps[s])) is not None
        ),
        routes_changed=tuple(
            s for s in both if _exit_keys(s, old.steps[s]) != _exit_keys(s, new.steps[s])
        ),
        settings_changed=tuple(
            NamedChange(s, what) for s in both if (what := _settings(old.steps[s], new.steps[s]))
        ),
        fields_added=_missing(new.fields, old.fields),
        fields_removed=_missing(old.fields, new.fields),
        fields_changed=tuple(
            NamedChange(f, what)
            for f in new.fields
            if f in old.fields and (what := _field(old.fields[f], new.fields[f]))
        ),
        triage=_rules(old.triage, new.triage),
        region=(tuple(old.region), tuple(new.region)) if old.region != new.region else None,
        contact_consent=(
            (old_consent, new_consent) if old.contact_consent != new.contact_consent else None
        ),
        locales_added=_missing(new.locales, old.locales),
        locales_removed=_missing(old.locales, new.locales),
        texts=_texts(old, new),
    )


def _missing(these: Iterable[str], others: Iterable[str]) -> tuple[str, ...]:
    present = set(others)
    return tuple(x for x in these if x not in present)


def _described(flow: FlowDefinition) -> str | None:
    return describe(flow.contact_consent) if flow.contact_consent is not None else None


def _choices(step_id: str, old: Step, new: Step) -> ChoiceChange | None:
    # A step that stopped (or started) offering choices is reported as a kind change.
    if not isinstance(old, SingleChoiceStep | MultiChoiceStep) or not isinstance(
        new, SingleChoiceStep | MultiChoiceStep
    ):
        return None
    before = [c.value for c in old.choices]
    after = [c.value for c in new.choices]
    kept = set(before) & set(after)
    # Buttons appear in file order: moving one is visible to every supporter.
    reordered = [v for v in before if v in kept] != [v for v in after if v in kept]
    change = ChoiceChange(step_id, _missing(after, before), _missing(before, after), reordered)
    return change if change.added or change.removed or reordered else None


def _exit_keys(step_id: str, step: Step) -> list[tuple[object, ...]]:
    """The exits as comparable values: a choice by its code, not its position, so that
    adding a button without a target of its own is not a route change."""
    keys: list[tuple[object, ...]] = []
    for ex in exits(step_id, step):
        if ex.via == "choice" and isinstance(step, SingleChoiceStep):
            keys.append(("choice", step.choices[ex.index].value, ex.target))
        elif ex.via == "route" and not isinstance(step, ReviewStep | SubmitStep):
            keys.append(("route", step.routes[ex.index].when, ex.target))
        else:
            keys.append(("default", ex.target))
    return keys


def _settings(old: Step, new: Step) -> tuple[str, ...]:
    if old.kind != new.kind:
        return ()
    names = [
        name
        for name in type(new).model_fields
        if name not in _NOT_SETTINGS and getattr(old, name) != getattr(new, name)
    ]
    # Text variants: their words are listed with the texts; here, only their conditions.
    if [v.when for v in old.texts] != [v.when for v in new.texts]:
        names.append("texts.when")
    # A choice kept by its code whose condition or exclusivity changed.
    if isinstance(old, SingleChoiceStep | MultiChoiceStep) and isinstance(
        new, SingleChoiceStep | MultiChoiceStep
    ):
        before = {c.value: c for c in old.choices}
        kept = [(before[c.value], c) for c in new.choices if c.value in before]
        for key in ("when", "exclusive"):
            if any(getattr(a, key) != getattr(b, key) for a, b in kept):
                names.append(f"choices.{key}")
    return tuple(names)


def _field(old: FieldSpec, new: FieldSpec) -> tuple[str, ...]:
    return tuple(
        name for name in ("type", "values", "label") if getattr(old, name) != getattr(new, name)
    )


def _rules(old: Sequence[TriageRule], new: Sequence[TriageRule]) -> RuleChanges:
    """Rules paired old to new, most certain pairs first: the longest unchanged runs (so a
    rule inserted at the top is one rule added, not every rule changed), then a rule found
    unchanged elsewhere, then one whose condition stayed (its priority was edited), then
    rules side by side in a stretch that was rewritten."""
    # Conditions hold lists, so rules are not hashable: compare their canonical JSON.
    before = [rule.model_dump_json() for rule in old]
    after = [rule.model_dump_json() for rule in new]
    conditions = (
        [rule.when.model_dump_json() for rule in old],
        [rule.when.model_dump_json() for rule in new],
    )
    pairs: dict[int, int] = {}
    opcodes = SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "equal":
            pairs.update((i, j1 + i - i1) for i in range(i1, i2))

    def pair_alike(keys_old: list[str], keys_new: list[str]) -> None:
        for j, key in enumerate(keys_new):
            if j in pairs.values():
                continue
            i = next((i for i, k in enumerate(keys_old) if i not in pairs and k == key), None)
            if i is not None:
                pairs[i] = j

    pair_alike(before, after)
    pair_alike(*conditions)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace":
            left = [i for i in range(i1, i2) if i not in pairs]
            right = [j for j in range(j1, j2) if j not in pairs.values()]
            pairs.update(zip(left, right, strict=False))
    targets = [pairs[i] for i in sorted(pairs)]
    return RuleChanges(
        added=tuple(j + 1 for j in range(len(new)) if j not in pairs.values()),
        removed=tuple(i + 1 for i in range(len(old)) if i not in pairs),
        changed=tuple(sorted(j + 1 for i, j in pairs.items() if before[i] != after[j])),
        # First match wins, so two rules that swapped places change which one applies.
        reordered=targets != sorted(targets),
    )


def _text_locations(flow: FlowDefinition) -> dict[str, Mapping[str, str]]:
    """Location -> text; a choice is named by its code, which survives reordering."""
    out: dict[str, Mapping[str, str]] = {}
    for item in iter_texts(flow):
        parts = [str(p) for p in item.path]
        if len(item.path) == 5 and item.path[2] == "choices":
            step = flow.steps[str(item.path[1])]
            if isinstance(step, SingleChoiceStep | MultiChoiceStep):
                parts = [*parts[:3], step.choices[int(item.path[3])].value]
        elif len(item.path) == 5 and item.path[2] == "texts":
            parts = [*parts[:2], f"texts[{item.path[3]}]", parts[4]]
        out[".".join(parts)] = item.text
    return out


def _texts(old: FlowDefinition, new: FlowDefinition) -> tuple[TextChanges, ...]:
    before = _text_locations(old)
    after = _text_locations(new)
    out: list[TextChanges] = []
    # A locale added or removed whole is one line of its own, not every text in it.
    for locale in (x for x in new.locales if x in old.locales):
        locations = [
            where
            for where, text in after.items()
            if where not in before or before[where].get(locale) != text.get(locale)
        ]
        locations.extend(where for where in before if where not in after)
        if locations:
            out.append(TextChanges(locale, tuple(locations)))
    return tuple(out)


def summary(changes: Changes, translate: Callable[..., str]) -> list[str]:
    """Short lines for the admin, most structural first, texts last.

    Args:
        changes: from ``compare``.
        translate: ``translate(msgid, **params)`` -> the translated, formatted text.
    """
    t = translate

    def listed(items: Sequence[str]) -> str:
        shown = ", ".join(items[:MAX_LISTED])
        if len(items) > MAX_LISTED:
            return t(AND_MORE, items=shown, count=len(items) - MAX_LISTED)
        return shown

    if changes.old_version is None:
        return [
            t(
                NEW_FLOW,
                flow=changes.flow,
                version=changes.new_version,
                steps=len(changes.steps_added),
                fields=len(changes.fields_added),
            )
        ]
    lines = [t(VERSION, old=changes.old_version, new=changes.new_version)]
    if changes.id_changed:
        lines.append(t(ID_CHANGED, old=changes.id_changed[0], new=changes.id_changed[1]))
    if changes.start:
        lines.append(t(START_CHANGED, old=changes.start[0], new=changes.start[1]))
    if changes.steps_added:
        lines.append(t(STEPS_ADDED, steps=listed(changes.steps_added)))
    if changes.steps_removed:
        lines.append(t(STEPS_REMOVED, steps=listed(changes.steps_removed)))
    if changes.kinds_changed:
        kinds = [f"{k.step} ({k.old} → {k.new})" for k in changes.kinds_changed]
        lines.append(t(KINDS_CHANGED, steps=listed(kinds)))
    for choice in changes.choices:
        parts = [f"+ {v}" for v in choice.added] + [f"− {v}" for v in choice.removed]
        if choice.reordered:
            parts.append(t(CHOICES_REORDERED))
        lines.append(t(CHOICES_CHANGED, step=choice.step, changes=listed(parts)))
    if changes.routes_changed:
        lines.append(t(ROUTES_CHANGED, steps=listed(changes.routes_changed)))
    if changes.settings_changed:
        lines.append(t(SETTINGS_CHANGED, steps=listed(_named(changes.settings_changed))))
    if changes.fields_added:
        lines.append(t(FIELDS_ADDED, fields=listed(changes.fields_added)))
    if changes.fields_removed:
        lines.append(t(FIELDS_REMOVED, fields=listed(changes.fields_removed)))
    if changes.fields_changed:
        lines.append(t(FIELDS_CHANGED, fields=listed(_named(changes.fields_changed))))
    lines.extend(_rule_lines(changes.triage, t, listed))
    if changes.region:
        old, new = (", ".join(r) or t(NOTHING) for r in changes.region)
        lines.append(t(REGION_CHANGED, old=old, new=new))
    if changes.contact_consent:
        old, new = (c or t(NOTHING) for c in changes.contact_consent)
        lines.append(t(CONSENT_CHANGED, old=old, new=new))
    if changes.locales_added:
        lines.append(t(LOCALES_ADDED, locales=listed(changes.locales_added)))
    if changes.locales_removed:
        lines.append(t(LOCALES_REMOVED, locales=listed(changes.locales_removed)))
    for per_locale in changes.texts:
        lines.append(
            t(
                TEXTS_CHANGED,
                locale=per_locale.locale,
                count=len(per_locale.locations),
                locations=listed(per_locale.locations),
            )
        )
    if changes.empty:
        lines.append(t(NO_CHANGES))
    if not changes.version_raised:
        lines.append(t(VERSION_NOT_RAISED))
    return lines


def _named(items: Iterable[NamedChange]) -> list[str]:
    return [f"{item.name} ({', '.join(item.what)})" for item in items]


def _rule_lines(
    rules: RuleChanges, t: Callable[..., str], listed: Callable[[Sequence[str]], str]
) -> list[str]:
    lines = []
    if rules.added:
        lines.append(t(RULES_ADDED, rules=listed([str(n) for n in rules.added])))
    if rules.removed:
        lines.append(t(RULES_REMOVED, rules=listed([str(n) for n in rules.removed])))
    if rules.changed:
        lines.append(t(RULES_CHANGED, rules=listed([str(n) for n in rules.changed])))
    if rules.reordered:
        lines.append(t(RULES_REORDERED))
    return lines

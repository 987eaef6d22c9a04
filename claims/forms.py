"""Forms of the desk's pages. They parse input; the services validate and write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from claims.models import Actor, Person, Place
from claims.models.claims import EDITOR_FLAGS, ClaimType, Flag, Stance
from claims.status import STATUS_LABELS

FILE_ACCEPT = ".txt,.md,.markdown,.text,.html,.htm,text/plain,text/markdown,text/html"


def apply_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form: known keys to fields, others on top."""
    messages = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for key, errors in messages.items():
        target = key if key in form.fields else None
        for error in errors:
            form.add_error(target, error)


class UploadForm(forms.Form):
    body = forms.CharField(
        label="Article text", required=False,
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "Paste the article text here"}),
        help_text="Paste the text, or choose a file below.")
    file = forms.FileField(
        label="…or a file", required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
        help_text="Plain text, Markdown or HTML, UTF-8. Header lines (outlet:, title:, "
                  "published:, url:) are read when present.")
    outlet = forms.CharField(max_length=200, required=False)
    title = forms.CharField(max_length=500, required=False)
    url = forms.CharField(label="URL", max_length=1000, required=False,
                          widget=forms.URLInput(attrs={"placeholder": "https://"}))
    published_at = forms.DateTimeField(
        label="Published (UTC)", required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                   format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"])

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("file"):
            raise ValidationError("Paste the article text or choose a file.", code="empty")
        if (data.get("body") or "").strip() and data.get("file"):
            raise ValidationError("Give either pasted text or a file, not both.", code="both")
        return data


class ReviewForm(forms.Form):
    """Set a flag: one submit button per flag, so a review is one click plus an optional note."""

    to_flag = forms.ChoiceField(choices=[(f.value, f.label) for f in EDITOR_FLAGS])
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.CharField(
        label="Evidence links", required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://… (one per line)"}),
        help_text="One link per line.")
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("evidence", "").splitlines()
                if line.strip()]


class CorrectionForm(forms.Form):
    place = forms.ModelChoiceField(
        queryset=Place.objects.filter(kind__in=[Place.Kind.DISTRICT, Place.Kind.PROVINCE])
        .select_related("parent").order_by("name"), required=False,
        help_text="Leave blank to keep the value in force.")
    claimed_controller = forms.ModelChoiceField(label="Controller", queryset=Actor.objects.all(),
                                                required=False)
    claim_type = forms.ChoiceField(choices=[("", "—")] + list(ClaimType.choices), required=False)
    speaker = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    stance = forms.ChoiceField(choices=[("", "—")] + list(Stance.choices), required=False)
    event_date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class BoardFilterForm(forms.Form):
    province = forms.ChoiceField(required=False)
    status = forms.ChoiceField(required=False, choices=[("", "any status")]
                               + [(k, v) for k, v in STATUS_LABELS.items()])
    actor = forms.ChoiceField(required=False)
    q = forms.CharField(label="Search", required=False,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": "district or province"}))
    # Parsed by selectors.board.parse_as_of (a date alone means the end of that day), so the
    # board, the district page and the API read it the same way.
    as_of = forms.CharField(label="As of (UTC)", required=False,
                            widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, provinces=(), actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", "all provinces")] + [
            (str(p.pk), p.name) for p in provinces]
        self.fields["actor"].choices = [("", "any actor")] + [(str(a.pk), a.name) for a in actors]


class QueueFilterForm(forms.Form):
    province = forms.ChoiceField(required=False)
    actor = forms.ChoiceField(required=False)
    flag = forms.ChoiceField(required=False, choices=[
        ("", "any"), (Flag.DISPUTED.value, "disputed"),
        (Flag.CORROBORATED.value, "corroborated"), (Flag.UNVERIFIED.value, "unverified only")])
    q = forms.CharField(label="Search", required=False,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": "words in the sentence"}))

    def __init__(self, *args, provinces=(), actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", "all provinces")] + [
            (str(p.pk), p.name) for p in provinces]
        self.fields["actor"].choices = [("", "any actor")] + [(str(a.pk), a.name) for a in actors]

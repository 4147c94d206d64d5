"""Forms of the action-log import: the upload, then the owners to resolve."""

from django import forms

from core.forms import submit_helper
from governance.action_import import Directory


class ActionImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Action log file",
        help_text="An Excel workbook (.xlsx, first sheet) or a CSV file, with a header row.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper("Check the file")


class ActionImportResolveForm(forms.Form):
    """One choice per owner word that matched nobody: a member of the group, or a group."""

    payload = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, unresolved: list[str], directory: Directory, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            ("", "Choose…"),
            ("Members of the group", [(f"person:{e.pk}", e.name) for e in directory.people]),
            ("A group owns it", [(f"group:{e.pk}", e.name) for e in directory.groups]),
        ]
        self.words = unresolved
        for index, word in enumerate(unresolved):
            self.fields[f"owner_{index}"] = forms.ChoiceField(
                label=f"Who is “{word}”?",
                choices=choices,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        self.helper = submit_helper("Import the actions")

    def resolutions(self) -> dict[str, tuple[str, int]]:
        chosen = {}
        for index, word in enumerate(self.words):
            kind, _, pk = self.cleaned_data[f"owner_{index}"].partition(":")
            chosen[word.lower()] = (kind, int(pk))
        return chosen

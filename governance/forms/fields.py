"""Fields the governance forms share: people chosen from the directory, labelled with their
agency so that two people of the same name can be told apart."""

from django import forms

from governance.models import Person


def person_label(person: Person) -> str:
    """'Name (Agency)', the label of a person in every choice list."""
    return f"{person.name} ({person.agency.label})"


def person_label_with_initials(person: Person) -> str:
    """'Name (AB, Agency)', for lists where owners are later shown by their initials."""
    return f"{person.name} ({person.initials}, {person.agency.label})"


def active_people():
    """Active people with their agency (for the label), by name."""
    return Person.objects.active().select_related("agency").order_by("name")


def label_people(*fields: forms.Field, label=person_label) -> None:
    """Label the choices of person fields built by a ModelForm (or given a queryset late)."""
    for field in fields:
        field.label_from_instance = label


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)

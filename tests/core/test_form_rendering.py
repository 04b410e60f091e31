"""Shared form rendering (issue 14): error summary, no browser validation styling before a
submit, required and optional marked truthfully, every free-text field bounded."""

from __future__ import annotations

from django import forms

from lont.core.forms import TEXTAREA_MAX_LENGTH, StyledForm


class ExampleForm(StyledForm):
    conditionally_required = {"platform": "verplicht bij een online bron"}
    max_lengths = {"summary": 200}

    name = forms.CharField(label="Naam", max_length=40)
    note = forms.CharField(label="Notitie", widget=forms.Textarea, required=False)
    summary = forms.CharField(label="Korte beschrijving", widget=forms.Textarea)
    platform = forms.CharField(label="Platform", max_length=60, required=False)


def test_an_unsubmitted_form_shows_no_errors_and_marks_fields_truthfully():
    html = str(ExampleForm())
    assert "data-error-summary" not in html and "aria-invalid" not in html
    assert " required" not in html  # no :invalid styling before anything was typed
    assert 'aria-required="true"' in html
    assert "(optioneel)" in html  # the note
    assert "(verplicht bij een online bron)" in html  # not "(optioneel)" for the platform
    assert html.count("(optioneel)") == 1


def test_every_free_text_field_is_bounded():
    form = ExampleForm()
    assert form.fields["note"].widget.attrs["maxlength"] == str(TEXTAREA_MAX_LENGTH)
    assert form.fields["summary"].widget.attrs["maxlength"] == "200"
    assert form.fields["name"].widget.attrs["maxlength"] == "40"
    too_long = ExampleForm(data={"name": "Sanne", "summary": "x" * 201})
    assert not too_long.is_valid() and "summary" in too_long.errors


def test_a_submitted_form_has_an_error_summary_linking_to_each_field():
    form = ExampleForm(data={"name": "", "summary": ""})
    assert not form.is_valid()
    html = str(form)
    assert "data-error-summary" in html and 'role="alert"' in html
    assert 'href="#id_name"' in html and 'href="#id_summary"' in html
    assert "Er zijn 2 problemen met wat u invulde" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_name_error"' in html


class RowForm(StyledForm):
    who = forms.CharField(label="Wie", max_length=40)


class RowFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        raise forms.ValidationError("Kies ten minste één rij.")


def test_the_error_summary_lists_a_formsets_row_and_formset_errors_with_links():
    from django.template.loader import render_to_string

    rows = forms.formset_factory(RowForm, formset=RowFormSet, extra=0)(
        data={
            "rows-TOTAL_FORMS": "2",
            "rows-INITIAL_FORMS": "0",
            "rows-0-who": "Sanne",
            "rows-1-who": "x" * 41,
        },
        prefix="rows",
    )
    form = ExampleForm(data={"name": "Sanne", "summary": "Kort"})
    assert form.is_valid() and not rows.is_valid()
    html = render_to_string(
        "lont/forms/error_summary.html", {"form": form, "summary_formset": rows}
    )
    assert "Er zijn 2 problemen met wat u invulde" in html
    assert 'href="#id_rows-0-who">Kies ten minste één rij.' in html
    assert 'href="#id_rows-1-who">Wie (rij 2): ' in html
    # Without a formset the summary is the form's alone, and a valid form shows none.
    assert "data-error-summary" not in render_to_string(
        "lont/forms/error_summary.html", {"form": form}
    )

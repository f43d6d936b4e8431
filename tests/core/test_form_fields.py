"""Every text field of every form states its limit, and one-line fields refuse control
characters: walked over all the site's form classes so that a new field cannot forget."""

import importlib
import pkgutil

import pytest
from django import forms

import practica
from practica.core.forms import LineField, TextField, limit_text
from practica.core.text import validate_single_line


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def _site_forms():
    for module in pkgutil.walk_packages(practica.__path__, "practica."):
        if ".migrations" not in module.name and ".management" not in module.name:
            importlib.import_module(module.name)
    found = {
        cls
        for cls in _all_subclasses(forms.BaseForm)
        if cls.__module__.startswith("practica.") and cls.base_fields
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


SITE_FORMS = _site_forms()


def _declared_fields(form_class):
    """The class's fields that its pages show: some (allauth's sign-up form, for one) drop a
    declared field when built, as the username when accounts have none."""
    try:
        shown = form_class().fields
    except (TypeError, KeyError):  # a form that needs arguments keeps all it declares
        return form_class.base_fields
    return {name: field for name, field in form_class.base_fields.items() if name in shown}


def _text_fields(form_class):
    for name, field in _declared_fields(form_class).items():
        if isinstance(field, forms.CharField) and not field.widget.is_hidden:
            yield name, field


def _site_text_fields(form_class):
    """Text fields whose value is kept or shown. Passwords (allauth's forms, relabelled in
    practica.accounts.account_forms) are only hashed or compared."""
    for name, field in _text_fields(form_class):
        if not isinstance(field.widget, forms.PasswordInput):
            yield name, field


def _one_line(field):
    return not isinstance(field.widget, forms.Textarea | forms.PasswordInput)


def test_the_walk_finds_the_forms_of_every_app():
    apps = {cls.__module__.split(".")[1] for cls in SITE_FORMS}
    assert {"accounts", "communities", "discussions", "events", "library"} <= apps
    assert len(SITE_FORMS) >= 25


@pytest.mark.parametrize("form_class", SITE_FORMS, ids=lambda cls: cls.__qualname__)
def test_every_text_field_has_a_limit_the_person_is_shown(form_class):
    for name, field in _site_text_fields(form_class):
        where = f"{form_class.__qualname__}.{name}"
        assert field.max_length, f"{where} has no max_length"
        if _one_line(field):
            assert field.widget.attrs.get("maxlength") == str(field.max_length), where
        else:
            assert str(limit_text(field.max_length)) in str(field.help_text), (
                f"{where}: the help text does not state the limit"
            )


@pytest.mark.parametrize("form_class", SITE_FORMS, ids=lambda cls: cls.__qualname__)
def test_every_one_line_field_refuses_control_characters(form_class):
    for name, field in _site_text_fields(form_class):
        if isinstance(field, forms.EmailField):
            continue  # its EmailValidator refuses control characters (the test below)
        if _one_line(field):
            assert validate_single_line in field.validators, (
                f"{form_class.__qualname__}.{name} accepts line breaks: use LineField"
            )


@pytest.mark.parametrize(
    "bad", ["two\nlines", "carriage\rreturn", "bell\x07", "n\x85el", "l\u2028s", "tab\there"]
)
def test_a_one_line_field_refuses_them_with_a_clear_message(bad):
    with pytest.raises(forms.ValidationError) as error:
        LineField(max_length=50).clean(bad)
    assert "on one line" in str(error.value)
    assert LineField(max_length=50).clean("Café — “quoted”, tabs\u00a0and all") == (
        "Café — “quoted”, tabs\u00a0and all"
    )


def test_long_text_is_not_cut_by_the_browser_but_refused_with_its_length():
    field = TextField(max_length=10, help_text="Markdown.")
    assert "maxlength" not in field.widget.attrs
    assert str(field.help_text) == "Markdown. At most 10 characters."
    with pytest.raises(forms.ValidationError) as error:
        field.clean("x" * 11)
    assert "at most 10 characters (it has 11)" in str(error.value)


def test_allauth_forms_refuse_control_characters_in_addresses():
    """allauth's own forms have one-line fields only for addresses (its EmailValidator
    refuses control characters), codes and tokens (compared, never stored or shown) and
    passwords (hashed)."""
    from allauth.account import forms as account_forms

    checked = 0
    for cls in _all_subclasses(forms.BaseForm):
        if not cls.__module__.startswith("allauth.account"):
            continue
        for name, field in _text_fields(cls):
            if isinstance(field, forms.EmailField):
                for bad in ("a\nb@example.org", "ab@example.org\x07", "a\x85b@example.org"):
                    with pytest.raises(forms.ValidationError):
                        field.clean(bad)
                checked += 1
            elif _one_line(field):
                assert name in {"code", "username", "uidb36", "key"}, f"{cls.__name__}.{name}"
    assert checked >= 4
    assert account_forms.SignupForm.base_fields["email"].max_length

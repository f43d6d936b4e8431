from django import forms

from practica.core.forms import QuickSelect


class _Form(forms.Form):
    place = forms.ChoiceField(
        required=False,
        widget=QuickSelect,
        choices=[("", "Anywhere"), ("a&b", "Courts <&> tribunals"), ("x", 'Say "x"')],
    )


def test_a_quick_select_escapes_its_options_and_keeps_the_choice():
    html = str(_Form({"place": "a&b"})["place"])
    assert html.startswith('<select name="place" id="id_place">')
    assert '<option value="a&amp;b" selected>Courts &lt;&amp;&gt; tribunals</option>' in html
    assert '<option value="x">Say &quot;x&quot;</option>' in html
    assert html.count("selected") == 1

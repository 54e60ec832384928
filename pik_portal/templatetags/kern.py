"""Template tags of the ``kern`` crispy-forms template pack."""

from django import forms, template

register = template.Library()


def _beschreibung(field) -> list[str]:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hinweis")
    if field.errors:
        ids.append(f"{field.auto_id}-fehler")
    return ids


@register.simple_tag
def kern_widget(field, css_class="kern-form-input__input"):
    """Render a field's widget with KERN classes and the ARIA links to hint and error."""
    attrs = {}
    klassen = [field.field.widget.attrs.get("class", ""), css_class]
    if field.errors:
        klassen.append(f"{css_class}--error")
        attrs["aria-invalid"] = "true"
    ids = _beschreibung(field)
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    attrs["class"] = " ".join(k for k in klassen if k)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def kern_option(option, css_class, fehler=False):
    """Render one radio button or checkbox of a multiple-choice field."""
    attrs = dict(option.data["attrs"])
    attrs["class"] = f"{css_class} {css_class}--error" if fehler else css_class
    option.data["attrs"] = attrs
    return option.tag(wrap_label=False)


@register.filter
def kern_ziel_id(field):
    """The id the error summary links to (the first option for radio groups)."""
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id

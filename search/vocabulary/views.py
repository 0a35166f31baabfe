"""The managers' vocabulary page: free tags that name no concept, by frequency, and merging them."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from clusterhub.extensions import db
from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from search.vocabulary.cluster import (
    VocabularyError,
    add_concept,
    add_form,
    cluster_concepts,
    cluster_forms,
    unmapped_tags,
)
from tenants.access import manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("vocabulary", __name__, "/manage/vocabulary")

TAGS_SHOWN = 100
ERRORS = {
    "no_words": _l("Write a word or two that say something: these are only common words."),
    "no_concept": _l(
        "No concept is called so. Write a concept's name in Latvian or English as the vocabulary has it."
    ),
    "known": _l("These words already name a concept."),
}


class MergeForm(Form):
    words = StringField(_l("Words (a free tag or a synonym)"), validators=[DataRequired(), Length(max=100)])
    concept = StringField(
        _l("Concept"),
        description=_l("Its name in Latvian or English, for example “Subtitrēšana” or “3D animation”."),
        validators=[DataRequired(), Length(max=200)],
    )


class NewConceptForm(Form):
    label_lv = StringField(_l("Name in Latvian"), validators=[DataRequired(), Length(max=200)])
    label_en = StringField(_l("Name in English"), validators=[DataRequired(), Length(max=200)])
    broader = StringField(
        _l("Broader concept (optional)"),
        description=_l("The name of a wider concept it belongs to, for example “Animācija”."),
        validators=[Length(max=200)],
    )


def _page(merge: MergeForm, concept: NewConceptForm):
    return render_template(
        "vocabulary/index.html",
        form=merge,
        concept_form=concept,
        tags=unmapped_tags(TAGS_SHOWN),
        forms=cluster_forms(),
        concepts=cluster_concepts(),
    )


@bp.route("", methods=["GET", "POST"])
@manager_required
def index():
    form = MergeForm(words=request.args.get("words", "")[:100])
    if form.validate_on_submit():
        try:
            added = add_form(form.words.data, form.concept.data)
        except VocabularyError as error:
            form.concept.errors.append(ERRORS[error.reason])
        else:
            db.session.commit()
            flash(
                _(
                    "“%(words)s” now names the concept %(concept)s in this cluster.",
                    words=added.form,
                    concept=added.concept.label(get_locale().language),
                ),
                "success",
            )
            return redirect(url_for("vocabulary.index"))
    return _page(form, NewConceptForm(formdata=None))


@bp.route("/concepts", methods=["POST"])
@manager_required
def new_concept():
    form = NewConceptForm()
    if form.validate_on_submit():
        try:
            added = add_concept(form.label_lv.data, form.label_en.data, form.broader.data or "")
        except VocabularyError as error:
            field = form.broader if error.reason == "no_concept" else form.label_lv
            field.errors.append(ERRORS[error.reason])
        else:
            db.session.commit()
            flash(
                _(
                    "The concept %(concept)s is added for this cluster.",
                    concept=added.label(get_locale().language),
                ),
                "success",
            )
            return redirect(url_for("vocabulary.index"))
    return _page(MergeForm(formdata=None), form)

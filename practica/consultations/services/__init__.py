"""Writes for polls and surveys (each in a transaction)."""

from .polls import poll_create, poll_vote
from .surveys import (
    question_add,
    question_delete,
    question_move,
    survey_answer,
    survey_close,
    survey_create,
    survey_edit,
    survey_open,
    survey_remind,
    survey_summary_post,
    surveys_due_check,
)

__all__ = [
    "poll_create",
    "poll_vote",
    "question_add",
    "question_delete",
    "question_move",
    "survey_answer",
    "survey_close",
    "survey_create",
    "survey_edit",
    "survey_open",
    "survey_remind",
    "survey_summary_post",
    "surveys_due_check",
]

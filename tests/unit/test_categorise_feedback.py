"""Categorise feedback loses its opening echo of the group ("Creator. He ..." -> "He ...")."""

from helpercourse.question_types.categorise import without_group_echo


def test_a_lead_naming_the_group_goes():
    assert without_group_echo("Creator. He acknowledges the loss.", "Creator") == "He acknowledges the loss."
    assert without_group_echo("Fits the role. You help her.", "Fits the supporter role: carry on") == "You help her."
    assert without_group_echo("Oma-apu. Nora tukeutuu.", "Lähempänä oma-apua") == "Nora tukeutuu."
    assert without_group_echo("Mastery experiences: the two meetings count.", "Mastery experiences") == "The two meetings count."


def test_a_first_sentence_that_is_a_reason_stays():
    reason = "She takes the first step. Many people do not ask."
    assert without_group_echo(reason, "Outreach: taking the first step") == reason  # 'takes' is not a group word
    assert without_group_echo("He waits. Then.", "Outreach") == "He waits. Then."
    long_lead = "Outreach means that the helper goes to the person first. More."
    assert without_group_echo(long_lead, "Outreach") == long_lead  # more than six words


def test_feedback_without_a_second_sentence_stays():
    assert without_group_echo("Creator.", "Creator") == "Creator."

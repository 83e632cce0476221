"""One input widget per question type; ``studyapp.ui.answer_widgets`` picks the right one."""

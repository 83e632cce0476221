"""The question bank: the model, YAML loading with precise errors, and `studyapp check`."""

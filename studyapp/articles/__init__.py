"""Reading articles: the one place the reader, the loader's quote check and ``draft`` share.

``reading`` reads a file of any kind (plain text, Markdown, a saved web page, a PDF) into one
``blocks.Article``: its text and its blocks (title, headings, paragraphs, list items, images);
``folding`` folds it once and finds every quote in it, with offsets into the article;
``coverage`` says which sentences and paragraphs the quotes are in.
"""

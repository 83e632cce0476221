"""Reading articles: the one place the reader, the loader's quote check and ``draft`` share.

``blocks`` splits an article into what the reader shows (headings, paragraphs, images);
``folding`` folds it once and finds every quote in it, with offsets into the article.
"""

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AddFile</name>
    <message>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question folder already has a different file named {name}:
{path}

Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no deck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question file has problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was not added: fix these problems first (nothing was copied).

{detail}

Open it in the editor at its first problem, or copy it into your question folder as it is: the problems panel then lists its problems and clears them as you fix the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy into question folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question file not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add question file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck id &apos;{deck}&apos; is already used by {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question file not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deck with the id &apos;{deck}&apos; is already loaded from {path}.
Give the new file another &apos;deck:&apos; id, then add it again (nothing was copied).

{detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerTexts</name>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I knew it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did not know it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{right} of {pairs} pairs right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}

Your answer:
{yours}

Right answer:
{right}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerWidgets</name>
    <message>
        <source>✔ Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ Almost: a small slip (counts as wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ Almost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} Gap {number}: you wrote {response}, the answer is “{expected}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed: {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not right: {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{right} of {total} items in the right place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{right} of {total} pairs right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ {left} → {chosen} (should be {expected})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap {number}: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{image} not shown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleText</name>
    <message>
        <source>Open in browser</source>
        <extracomment>Document position of a block&apos;s start → the colour painted behind it (coverage view). Sentences tinted by the mastery map. Heading block position → its count (&quot;3 of 5 paragraphs quoted&quot;), painted at its right. Figure block position → its picture; web image block position → its address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the image&apos;s address in a browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BankLoading</name>
    <message>
        <source>Loading question files…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserActions</name>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n question(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to add to {questions}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to remove from {questions}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {questions} to the deck:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {questions} from their question files?

Ctrl+Z in the Browse window puts them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {questions}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: every selected question is in that deck already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the tag was already as asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History not carried over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions were moved, but the history of these stays in their old deck:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} — Ctrl+Z undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be checked ({problem}); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the suspension: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History not carried back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files were put back, but the history of these stays in the deck they were moved to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still checking the last change…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserModel</name>
    <message>
        <source>Deck</source>
        <extracomment>Rows whose memory one statement reads (from the first drawn row without it, down the table). Up to this many questions the search index is built at once, when first needed (a few ms). Cell texts kept; past this the cache starts over (a few screens&apos; worth is what matters). The column headings (``search_rows.HEADINGS`` in the window&apos;s language).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <extracomment>The memory and last-result cells the core writes (``MemoryState``, the last result), for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relearning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>almost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserWindow</name>
    <message>
        <source>Preparing the search of every question&apos;s text…</source>
        <extracomment>Typing waits this long for the next key before searching (a burst of keys searches once).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, -word, or, deck:, tag:, type:, is:new / due / suspended / weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions on the selected questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} (at character {position})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n question(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>a quote (&quot;) is not closed</source>
        <extracomment>The search parser&apos;s messages (``SearchError.template``), for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;-&apos; needs something right after it to leave out, like -word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing inside the quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;)&apos; without an opening &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;or&apos; needs something after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;and&apos; needs something on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;(&apos; is not closed with &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{word}&apos; needs something before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search ends too early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {depth} nested parentheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to search for inside &apos;()&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{word}&apos; cannot stand here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown &apos;is:{value}&apos; (use {flags})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;{name}:&apos; (use {fields} or is:, or put &quot;{word}&quot; in quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}:&apos; needs a value, like {name}:{example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type &apos;{value}&apos; (use {types})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardInput</name>
    <message>
        <source>&amp;Show answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1  I knew it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I knew it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  I didn&apos;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I didn&apos;t know it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClozeInput</name>
    <message>
        <source>Gap {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>the question does not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {count} problems; stopped checking this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in question &apos;{id}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field &apos;{name}&apos;{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (&apos;{word}&apos; is YAML for no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;{name}&apos;{where} is empty{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text &apos;{text}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name must be text, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {noun} must be text, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate {noun} &apos;{name}&apos;, first defined at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be a list (&apos;[a, b]&apos; or &apos;- a&apos; lines), not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item {number} of &apos;{name}&apos; must be text, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item {number} of &apos;{name}&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — did you mean &apos;{name}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be text, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs {low} to {high} {noun}, found {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate {noun} &apos;{name}&apos;: same as &apos;{earlier}&apos; at line {line} (case, accents and punctuation are ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (did you mean &apos;{name}&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer &apos;{answer}&apos; is not one of the choices{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;answers&apos; is empty; list at least one right choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must be an unquoted true or false; remove the &apos;!!str&apos; tag before &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must be an unquoted true or false; remove the quotes around &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must be true or false, not &apos;{value}&apos; (write true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must be true or false, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must be text or a list of accepted texts, not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer is an empty list; give at least one accepted answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted answer &apos;{answer}&apos; has no letters or digits, so a typed answer cannot be compared with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloze text: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;pairs&apos; must be a mapping of left: right lines, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a left side of &apos;pairs&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the right side of &apos;{left}&apos; in &apos;pairs&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id &apos;{id}&apos;, first defined at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quote of question &apos;{id}&apos; is not in the source {source} (compared ignoring whitespace, typographic quotes and dashes; case matters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({label}: {names})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file must be a mapping with &apos;deck&apos;, &apos;title&apos; and &apos;questions&apos;, not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (question fields go inside an item of &apos;questions&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fields here are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck id &apos;{id}&apos; may only use lowercase letters, digits and hyphens (like &apos;belarus-west-2025&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;questions&apos; must be a list of questions (&apos;- id: ...&apos;), not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;questions&apos; is empty; add at least one question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each question must be a mapping of fields (id, type, prompt, ...), not {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id &apos;{id}&apos; may only use lowercase letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not used by type &apos;{type}&apos;{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields of type &apos;{type}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;image_alt&apos; describes the picture named by &apos;image&apos;; add &apos;image&apos; or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (one of: {names})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type &apos;{type}&apos;{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source must be a path relative to this file (like &apos;../seeds/article.txt&apos;), not the absolute path &apos;{path}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source &apos;{path}&apos; climbs more than one folder above this file&apos;s folder (at most &apos;../&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source file &apos;{path}&apos; does not exist (the path is relative to this file&apos;s folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source file &apos;{path}&apos; is larger than 1 MiB ({limit:,} bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source file &apos;{path}&apos; is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source file &apos;{path}&apos; is not text (it holds NUL bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;{name}&apos;{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed gap &apos;{{{{&apos; (close it with &apos;}}}}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;}}}}&apos; without an opening &apos;{{{{&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty gap &apos;{{{{}}}}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty alternative in gap &apos;{{{{{gap}}}}}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloze text needs at least one gap like {{{{answer}}}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is larger than 1 MiB ({limit:,} bytes); split it into several decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8 text: byte 0x{byte:02x} cannot be read (save the file as UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NUL byte in the file (is it a binary file?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character U+{code:04X} is not allowed in a question file (delete it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML syntax error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab character used for indentation; indent with spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file holds one document, but a second one starts here (remove the &apos;---&apos; line or split the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed quoted string: the quote opened here is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad quoted string: {problem} (inside double quotes, write &apos;\\&apos; for a backslash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad quoted string: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed &apos;[&apos;: the list opened here has no matching &apos;]&apos; (or a &apos;,&apos; is missing before {place})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed &apos;{{&apos;: the mapping opened here has no matching &apos;}}&apos; (or a &apos;,&apos; is missing before {place})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not find expected &apos;:&apos; after this line&apos;s field name (a line of text needs &apos;field: value&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;:&apos; here; put text that contains &apos;: &apos; in quotes, or check the indentation of this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value cannot start with &apos;{char}&apos;; put the text in quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field name (&apos;name: value&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list item (&apos;- ...&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad indentation or stray text: expected a {kind} or the end of the block that starts at {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after &apos;|&apos; or &apos;&gt;&apos; only an indentation digit, &apos;-&apos; or &apos;+&apos; may follow on the same line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias &apos;*...&apos; refers to an anchor &apos;&amp;...&apos; that is not defined before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anchor defined twice; the first is at {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tag; question files hold only text, lists and mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} ({context} at {place})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aliases expand to more than {limit:,} values (an alias bomb?); this anchored value is repeated too often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag &apos;{tag}&apos; is not allowed; question files hold only text, lists and mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge key &apos;&lt;&lt;&apos; is not supported (it can hide duplicate fields); write the fields out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp found damage in its database ({database}): {error}

What you answer now is still saved where the file is sound. Quit and start studyapp again to set the damaged file aside and restore the newest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged 1 question</source>
        <extracomment>At most this many problems are named in a refusal (the first ones; the rest are counted).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged 1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved 1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted 1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended 1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsuspended 1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsuspended {count} questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tag given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{tag}&apos; is not one tag: a tag is one word, without spaces (as in Anki); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no deck &apos;{deck}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;{id}&apos; is no longer in {file}; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck &apos;{deck}&apos; ({file}) would have no questions left; a deck keeps at least one (remove its file to remove the deck). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write {file}: {reason}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write {file}: {reason}. The files written before it could not all be put back; see their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot undo: {file} cannot be read ({reason}); nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot undo: {file} was changed since; undoing would lose that change (nothing was restored; its earlier versions are in its history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot undo: the earlier version of {file} is no longer kept; nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot undo: not every file could be put back; their earlier versions are in their history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck &apos;{deck}&apos; is no longer loaded; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {error}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has problems now; fix them first (the problems panel lists them). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change would leave a question file with problems, so nothing was changed:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the gap</source>
        <extracomment>The labels the reader offers, in this order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloze: the {kind} in this sentence is hidden; type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice: the {kind} in this sentence against other {kinds} the article names or nearby values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True/false: the article&apos;s own sentence, word for word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True/false: the sentence with its {kind} swapped for another of the same kind, so it is false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database {path} is damaged ({why}) and could not be moved aside: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The newest good backup is {backup}; you can restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> There is no backup to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be used ({why}). It was kept as {moved} and a new, empty database was started.{offer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the data folder {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to the data folder {path}: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not back up the database before upgrading it: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not upgrade the database from version {current} to {version} ({reason}); it was left at version {left} and a copy is at {copy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was upgraded from version {old} to {new}; a copy of the old one is at {copy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup into {folder} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file name: letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; only (like &apos;my-deck&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file name: {name} already exists in your question folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file name: {name} (the article&apos;s copy) already exists in your question folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck id: lowercase letters, digits and hyphens only (like &apos;belarus-west-2025&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck id: &apos;{id}&apos; is already used by another deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title: give the deck a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image must be a path relative to this file&apos;s folder (like &apos;media/map.png&apos;), not the absolute path &apos;{path}&apos;</source>
        <extracomment>The picture formats a question may show, by extension (lowercase). The one subfolder pictures may live in, next to the deck file.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &apos;{path}&apos; may not leave this file&apos;s folder (&apos;..&apos;); put the picture beside the file or in &apos;media/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &apos;{path}&apos; names a folder, not a picture file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &apos;{path}&apos; must be beside this file or in its &apos;{folder}/&apos; folder (like &apos;media/{name}&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {suffix} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name without an extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &apos;{path}&apos; must be a PNG, JPEG, WebP or SVG file ({suffixes}), not {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a question file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deck id &apos;{id}&apos; is already used by {path}; this file is skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PNG without its IHDR header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a WebP file without a known image chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JPEG without a readable frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text file without an &lt;svg&gt; element near its start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SVG that shows or links other files (&lt;image&gt; or href); only self-contained drawings are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a PNG, JPEG, WebP or SVG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than {limit} MiB ({size:,} bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claims {width:,} × {height:,} pixels, too large to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; cannot be found (a link that leads in a circle?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; leads outside this file&apos;s folder (through a link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; is {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; does not exist (the path is relative to this file&apos;s folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file &apos;{path}&apos; {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty; there is nothing to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected front{separator}back, found one field; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field of {count} characters (at most {most}); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloze note without a {{{{c1::...}}}} gap; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} field(s) after the back not carried over: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not carried over (plain text only): {lost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty front (it holds only {lost}, which cannot be carried over); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty back (it holds only {lost}, which cannot be carried over); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty front; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty back; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a usable Anki package ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unpack it: no temporary folder ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a zip file: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no collection.anki21b/anki21/anki2 inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} (a question shows one picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has an empty front; skipped ({held}: cannot be carried over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has an empty front; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has an empty back; skipped ({held}: cannot be carried over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has an empty back; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note}: not carried over: {lost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {count} notes; export a smaller deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} uses an unknown note type; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} is an image occlusion note (images are not imported); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note}: cloze note without a {{{{c1::...}}}} gap; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has only one field ({field}); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note} has only one field; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs {low}-{high} choices, has {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs {low}-{high} items, has {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs {low}-{high} pairs, has {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{one}&apos; and &apos;{other}&apos; are the same answer once case and accents are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty question text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right answer is not one of the choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty side in a pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a description (no answers in {{...}}); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmatched &apos;{{&apos; or &apos;}}&apos; (escape literal braces as \{{ \}}); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a card without an answer in its feedback; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>essay questions are not supported; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial-credit answers counted as wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fully right answer (weights do not add up to 100%); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching answer &apos;{answer}&apos; has no &apos;-&gt;&apos;; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra right-hand answer &apos;{answer}&apos; dropped (no left side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial-credit answers dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fully right answer; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a missing-word question with a brace in its text or answers cannot be a gap; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial-credit answer {answer} dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range {low}..{high} not carried over (only exact numbers are); dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tolerance ±{tolerance} not carried over: only {number} exactly is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number; dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numerical question without an exact number; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloze exported in parts is missing its last parts; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a text export or a package ({what}); export the deck as text (.txt, .csv), GIFT or .apkg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than 16 MiB; split it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8 text; export the file as UTF-8 (Unicode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable row ({reason}); skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was written by a newer version of studyapp (database version {found}); this version understands up to database version {supported}. The file was left untouched: update studyapp to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a disk input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup copy failed its check ({result})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is damaged ({result}); not backed up. The next start sets it aside and offers the newest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a good studyapp backup; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the database {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not the database file: move it out of the way or choose another data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a regular file, so it cannot be the database: move it out of the way or choose another data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session {session}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card changed since it was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer {answer} to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history is already stored for question &apos;{question}&apos; of deck &apos;{deck}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloze parts before line {line} are incomplete ({count} found); dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part {part} of {parts} of a cloze does not follow part {previous}; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part {part} of {parts} of a cloze is not a missing-word question; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloze part does not parse; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parts of a cloze show different texts; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gaps of a cloze&apos;s parts overlap; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloze marked as opening with its instruction has no instruction line; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strikethrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>font or colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code formatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>styled text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown emphasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sound {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>front: {lost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back: {lost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it needs more than {size} MiB of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it takes longer than {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{part}” is not a step: write minutes or hours, like 1m 10m 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cards per day must be between 0 and {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum reviews per day must be between 0 and {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired retention must be between {low} and {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour a new day starts must be between 0 and 23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning steps must each be between 1 minute and 23 hours 59 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relearning steps must each be between 1 minute and 23 hours 59 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 10 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leech threshold must be between 1 and 99 lapses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FSRS parameters must be {count} numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no question named to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no question given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no question named to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (line {line}: {problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read as a question file{where}; fix it in the text editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no list of questions (&apos;questions:&apos; with &apos;- id: ...&apos; items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the questions are written in [ ] form; write them as a &apos;- &apos; list to edit them here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: a question is not a mapping of fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: cannot find the &apos;-&apos; of this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no question with the id &apos;{id}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edit has problems; fix them before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} is {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} is not in the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} is not a PNG, JPEG, WebP or SVG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} passes the {size} MiB one import carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} is larger than {size} MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} is named in the package but missing from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture {source} cannot be unpacked ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeckTableModel</name>
    <message>
        <source>Deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in the deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcards due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions you have not studied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of questions you are expected to remember for three weeks or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score of your last finished quiz on this deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Articles (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New deck from article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel drafting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick a question (or press Drop) to drop it; select one to edit any of its fields. Edits stay when you select another question; a question marked ⚠ has a problem to fix (or drop it) before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft another article?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review has unsaved changes ({0}). Draft {1} and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting questions from {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting cancelled; choose an article to draft from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not draft the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot review this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} names no article (source), so it is not a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review has unsaved changes ({0}). Close and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the deck id must be lowercase letters, digits and hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{kept} of %n question(s) kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, {0} edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; marked ⚠ and kept, to fix or drop before saving: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question could be drafted from {0}: it names no dates, numbers, people or places the drafter can ask about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an article to draft questions from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These kept questions have problems; fix them or drop them, then save: rows {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another deck id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists and was not written by studyapp.
Choose another deck id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueText</name>
    <message>
        <source>Again</source>
        <extracomment>The ratings&apos; names, as the feedback&apos;s schedule line says them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1m</source>
        <comment>less than a minute, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}m</source>
        <comment>minutes, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}h</source>
        <comment>hours, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}d</source>
        <comment>days, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}mo</source>
        <comment>months, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}y</source>
        <comment>years, on a rating button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>a QLocale time pattern: a due time today</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <comment>a QLocale date and time pattern: a due time on another day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {interval} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted as {rating}: you will see it again in {interval}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyPage</name>
    <message>
        <source>No decks yet.

A deck is one question file (YAML). Add one with File → Add question file…, or put .yaml files into your question folder; they appear here at once.
Help → Question file format shows how to write one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add question file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add question file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open question folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Save error</source>
        <extracomment>Longest text put in an accessible name; screen readers read the visible label anyway. Text colours for right / almost / wrong, readable on the light and on the dark palette.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>studyapp: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong, but your answers so far are saved and you can keep studying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Details were written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp: could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last answer was not saved; every earlier answer is safe. Free some disk space or close the program holding the database, then answer again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {target}: {reason}; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anki package</source>
        <extracomment>The export formats&apos; names (``interop.exports.EXPORT_FORMATS`` labels), for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moodle GIFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer history CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions CSV (every field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written to {target}: none of the {total} {unit} could be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {written} of {total} {unit} to {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a deck and a format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deck is loaded: nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting &apos;{deck}&apos; to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the answer did to the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer compared with the right one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the article:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote from the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the article at this passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix a mistake in this question: opens it in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer, with fixes: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>One choice per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One right choice per line, written as in the choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One item per line, in the right order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One pair per line: left → right (or left -&gt; right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each gap as {{answer}}; alternatives as {{war|conflict}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG, JPEG, WebP or SVG file beside the question file or in its media/ folder (media/map.png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the picture shows, for screen readers (without it they read the prompt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One accepted answer per line; the first is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem in {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>{caption} caption</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTextEditor</name>
    <message>
        <source>{file} — question file text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question file text editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}, column {column}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the file loads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlashcardView</name>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orange flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcards</source>
        <extracomment>Check again for cards coming due (learning steps) at most this often while the end screen shows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hom&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the review (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the last rating (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ans&amp;wer in the question&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer in the question&apos;s form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer choices, typed answers... as in a quiz, graded at once; unticked: show the answer and rate yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote from the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space or Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next card due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study &amp;more today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study more today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 more new cards and 50 more reviews, for today only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review cannot start ({exc}). Press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed {done} · {due} due · {new} new left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the gaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rating} (proposed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rating}, next review in {interval}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All done for now!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s limit is reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cards are scheduled. Take a quiz or add questions to study more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next card is due {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating was not saved ({exc}). The card is still here: rate it again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buried until tomorrow. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended: it is in no queue now. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be set aside ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flag was not saved ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s limit could not be raised ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating could not be taken back ({exc}). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the review was not saved ({exc}); your ratings are saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormatHelpDialog</name>
    <message>
        <source>Question file format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Answers per day, last year</source>
        <extracomment>Smallest cell side and the gap between cells, in pixels; cells grow with the text size.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n answer(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier versions — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions replaced by saves from the window, newest first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected deck title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected deck details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in this deck&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard: ↑/↓ choose a deck · Enter studies its flashcards · Tab reaches the buttons · F5 reloads question files · Ctrl+= / Ctrl+- text size · Ctrl+T statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deck(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in question files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No deck selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no quiz yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last quiz {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{mastered} mastered ({percent})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Study flashcards ({counts})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study flashcards, {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in this deck&apos;s file: see Problems below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageLoading</name>
    <message>
        <source>{size} MiB</source>
        <extracomment>Formats never decoded: a compressed SVG hides its text from the check on what it links.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SVG that shows or links other files (&lt;image&gt; or href); only self-contained drawings are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a compressed file, not a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {kind} image; only PNG, JPEG, WebP and SVG pictures are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image claims {width} × {height} pixels, too large to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable image ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question file would be larger than 1 MiB; split the export into smaller decks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen (Anki .apkg or text export, Quizlet export, Moodle GIFT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between front and back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between front and back:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separators (text files):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions to write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (items skipped, and content not carried over):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect, a name, or the separator itself (\t for a tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separator: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading cancelled; choose a file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} questions: too many for one question file (at most 1 MiB); split the export into smaller decks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the file ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the deck id must be lowercase letters, digits and hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) to import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>← Back to the quiz</source>
        <extracomment>Settings key: the first-start welcome was closed (it is not shown by itself again). Settings key: whether the reader shows its mastery map. The reader&apos;s back button when it was opened from a study screen (text, accessible name).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <extracomment>A StoreNotice from another thread (the check before the daily backup found damage).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reload question files: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading question files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the passage:
“{sentence}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deck has no article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added deck &apos;{deck}&apos; to your question folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program is set up to open {name}.

Its path is on the clipboard:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its folder is open in your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved deck &apos;{deck}&apos; in your question folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question folder is {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchInput</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match for {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ not right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySection</name>
    <message>
        <source>True retention: of your reviews (answers on a later day than the card&apos;s previous one), the share you remembered (anything but Again). Young cards were last seen under 21 days before, mature ones 21 days or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>The retention table&apos;s periods (``memory_stats.Period`` values), for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card studied yet: retrievability appears once you have answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you were asked every studied question now, you would remember about {percent} of them on average ({cards}; each bar counts the cards whose chance of being remembered falls in that tenth).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True retention explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrievability explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews to expect each day at 90% desired retention with the parameters in use: the cards falling due, the ones forgotten relearnt the same day, and the ones coming back within the month. Questions never studied are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews ahead explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing what you remember…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These figures could not be computed ({message}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck or question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True retention per deck and question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrievability now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards by their chance of being remembered now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews expected, next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews expected per day over the next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add question file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review a &amp;draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open question &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload question files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse questions	B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New deck from ar&amp;ticle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New q&amp;uestion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question file &amp;format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About studyapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(development copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About studyapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp {version}

Study an article with flashcards (spaced repetition, FSRS) and quizzes, from plain YAML question files.

Data folder: {data}
Question folder: {questions}
Qt for Python {qt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDeckDialog</name>
    <message>
        <source>New deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the article here, or open it from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open article file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read {file} as UTF-8 text: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewQuestionDialog</name>
    <message>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no deck yet: make one with File → New deck… first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptimiseDialog</name>
    <message>
        <source>Log loss: {loss_before} with the current parameters, {loss_after} with the fitted ones.
RMSE: {rmse_before}% with the current parameters, {rmse_after}% with the fitted ones.
(Measured on {reviews} reviews from {answers} answers; lower is better.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise the schedule: {scope}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the memory model&apos;s 21 parameters to your own answers ({scope}), so the intervals follow how you remember. It needs at least {minimum} reviews given a day or more after the card&apos;s previous answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use these parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: parameters fitted to your answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: the parameters fitted for every deck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: FSRS&apos;s default parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is not a file: there is nothing to optimise from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting the parameters to {reviews} reviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitted parameters predict your answers better than the current ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your current parameters already predict your answers at least as well: nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parameters could not be fitted ({message}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitted parameters are in use. &quot;Restore previous&quot; goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous parameters are in use again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parameters could not be saved: {reason}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>Option {number}, key {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderInput</name>
    <message>
        <source>Items to put in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag items, or select one and press Alt+Up or Alt+Down to move it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected item up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected item up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected item down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected item down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the items into the right order, or select one and press Alt+↑ / Alt+↓.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <extracomment>The theme choices as the dialog offers them, in order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers, backups, question folder and these settings are kept there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studying:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data folder is {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems in question files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files were skipped; every other deck works. Fix a file and it reloads by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the file of the selected problem here, at its line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file of the selected problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in question files ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Edit question — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: as the quiz shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionEditorOpen</name>
    <message>
        <source>Cannot edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the file&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {problem}

It opens as text instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &apos;{question}&apos; is no longer in deck &apos;{deck}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History not carried over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question was saved as &apos;{new}&apos;, but its history stays under &apos;{old}&apos;: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits to this deck are kept in your question folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>Id</source>
        <extracomment>Each field&apos;s label (the field names of the question file, as the form shows them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionPicture</name>
    <message>
        <source>the path cannot be followed</source>
        <extracomment>Pictures claiming more pixels than this are decoded on a worker thread (a 12-megapixel PNG takes ~0.4 s to decode, even scaled down); smaller ones at once, without a &quot;loading&quot; line.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path leads outside the question file&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be decoded ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the picture ({path})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture not shown ({path}): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionPreview</name>
    <message>
        <source>Preview of the selected question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to preview it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizSetupDialog</name>
    <message>
        <source>&amp;All questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New (never answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weak spots (wrong before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ue flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True / false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags (none ticked: any tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of &amp;questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question matches these choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 question matches; the quiz will ask it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{matching} questions match; the quiz will ask all {matching}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{matching} questions match; the quiz will ask {asked}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>Choose one answer (keys 1–9), then press Enter.</source>
        <extracomment>A line under the prompt telling how to answer each type.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every right answer (keys 1–9 toggle), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True (1) or false (2)? Then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the answer, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the gaps (Tab moves to the next one), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the items in the right order, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the match for each item, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think of the answer, press Enter to see it, then say if you knew it (1 or 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz could not be closed ({exc}); your answers are saved.</source>
        <extracomment>Shown when abandoning a quiz cannot be saved; ``{exc}`` is the error&apos;s text.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the quiz here (Esc); your answers so far are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz cannot start: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the gaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: {right} / {answered}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer was not saved ({exc}). It is still here: press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz could not be closed ({exc}); your answers are saved. Press Enter to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer could not be taken back ({exc}). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this quiz now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 1 answer you gave is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n answer(s) you gave are saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Abandon quiz?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>not studied</source>
        <extracomment>The legend&apos;s names of the ``Mastery`` values, for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article reader</source>
        <extracomment>The person asked for a question about a selection: (selected text, its sentence, block index).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show mastery map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tint each quoted sentence by how well you know the questions that quote it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show unquoted paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tint the paragraphs no question quotes yet; count the quoted ones under each heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a question from the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences tinted by the questions that quote them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{covered} of %n paragraph(s) quoted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Question</source>
        <extracomment>Table cells show at most this much of a text; the table is a summary, the quiz showed it all.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected answer in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry my mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry my mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hom&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{right} / {total} right · {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken: {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You stopped before answering any of the %n question(s); no answer was recorded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You stopped after 1 of {total} questions; the answer you gave is saved and counts in your statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You stopped after %n of {total} questions; the answers you gave are saved and count in your statistics.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every answer is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry my mistakes ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an answer to read it in full here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <source>Why proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep or drop this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why proposed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the article:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Proposed questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n edited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTexts</name>
    <message>
        <source>New card</source>
        <extracomment>``ReviewCard.kind``&apos;s names, for the translators.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relearning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: {options}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in order: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten {lapses} times: this card is now tagged “leech” and suspended. Rewriting it, or splitting it in two, often helps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten {lapses} times: this card is now tagged “leech”. Rewriting it, or splitting it in two, often helps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Data folder not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp cannot create its data folder {folder}: {reason}.
Choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp cannot write to its data folder {folder}: {reason}.
Make it writable, or choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (process {pid})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp is already running{process} with the data folder {folder}.
Switch to its window; two copies writing one database could lose answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp cannot create its lock file {lock}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (or your disk quota is used up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}: the disk is full{quota}.
Free some space on the disk that holds {folder}, then start studyapp again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}: the data folder {folder} is on a read-only disk.
Choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}: you may not write in the data folder {folder} (permission denied).
Make it writable, or choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>studyapp could not start: {error}
The details were written to {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Every square is a day of the last year; the stronger the colour, the more answers. No answers yet: the squares fill in as you study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n active day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %n answer(s) in a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every square is a day of the last year; the stronger the colour, the more answers: {days}, {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} right of {answers} answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the quiz scores</source>
        <extracomment>The accessible names of the lines under the charts.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the accuracy per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the answers per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the flashcards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show statistics for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise the schedule for the chosen decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day streak (longest {longest})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right in the last 7 days (30 days: {percent})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions mastered (remembered for 3+ weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flashcards due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions never studied as flashcards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mastered} of {questions}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz scores over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Each dot is a finished quiz and its score (%n quiz(zes)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No finished quiz yet: take one from the deck list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet: accuracy per tag appears once you have answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmap title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcards due, next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashcards due over the next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many flashcards fall due each day (the first bar is today, with overdue ones).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each tag</source>
        <extracomment>Room for a tag on the axis, in average characters; a longer tag is cut with &quot;…&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {shown} weakest of your {answered} answered tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of right answers for questions with {which}, weakest at the bottom; the number after a tag is how many answers its bar counts (hover a bar for the whole tag).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyScreens</name>
    <message>
        <source>The 1 answer you gave is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %n answers you gave are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this quiz?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the quiz?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question matches these settings; choose other tags, types or source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudySettingsDialog</name>
    <message>
        <source>All decks (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag and suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deck has its own settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired retention slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated reviews per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour a new day starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One hour for all decks: set it with “All decks (default)”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1m 10m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leech threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lapses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cards per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum reviews per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new day starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relearning steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leech action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leech after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cards studied yet: the estimate needs your own cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {per_day} reviews a day over the next 30 days at this retention, from your {cards} cards.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>File exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists and was not written by studyapp.
Choose another deck id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowercase-with-hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <source>Type your answer, then press Enter</source>
        <extracomment>Longest single label in a cloze flow; longer words are cut into pieces so they still wrap.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrueFalseInput</name>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>studyapp turns an article into a question bank. Study it as flashcards that come back just before you would forget them (spaced repetition), or take a quiz that is graded at once and shows the passage of the article that proves each answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add question file…</source>
        <extracomment>(object name of the menu entry, button text, what it does) for each way to a deck of your own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A YAML question file you wrote or were given: checked, then copied into your question folder. (File → Add question file…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New deck from article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft questions from an article of your own, review them, keep the good ones. (File → New deck from article…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an empty deck on an article and write its questions in the editor. (File → New deck…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to studyapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What studyapp is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The deck that comes with studyapp: %n question(s) on one article. Select it, then study its flashcards, take a quiz or read the article.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open this deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This welcome is shown once. Help → Welcome shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_OptionsInput</name>
    <message>
        <source>✔ right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ not right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Could not copy the article: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

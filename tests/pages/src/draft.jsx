// Draft.js 0.11 with React 18, decorated like X's composer: hashtags, mentions and the
// "over the limit" highlight are decorator spans. `plumeTest.rerender(limit)` moves the limit,
// which re-renders the text nodes without changing the text.
import React, { useState } from "react";
import { createRoot } from "react-dom/client";
import { CompositeDecorator, ContentState, Editor, EditorState } from "draft-js";
import { expose, seedText, showModel } from "./common.js";

const span = (className) => (props) => <span className={className} data-offset-key={props.offsetKey}>{props.children}</span>;

function regexStrategy(regex) {
  return (block, callback) => {
    const text = block.getText();
    for (const match of text.matchAll(regex)) callback(match.index, match.index + match[0].length);
  };
}

function decorator(limit) {
  return new CompositeDecorator([
    // First, as on X: text past the limit is highlighted even where it holds a hashtag.
    {
      strategy: (block, callback) => {
        if (block.getText().length > limit) callback(limit, block.getText().length);
      },
      component: span("over-limit"),
    },
    { strategy: regexStrategy(/#\w+/g), component: span("hashtag") },
    { strategy: regexStrategy(/@\w+/g), component: span("mention") },
  ]);
}

let setLimit;

function Composer() {
  const [limit, changeLimit] = useState(Number(new URLSearchParams(location.search).get("limit") ?? 280));
  const [state, setState] = useState(() =>
    EditorState.createWithContent(ContentState.createFromText(seedText), decorator(limit)),
  );
  setLimit = (next) => {
    changeLimit(next);
    setState((current) => EditorState.set(current, { decorator: decorator(next) }));
  };
  showModel(state.getCurrentContent().getPlainText("\n"));
  return (
    <div className="tweet-box">
      <Editor
        editorState={state}
        onChange={setState}
        placeholder="What is happening?!"
        webDriverTestID="tweetTextarea_0"
        ariaLabel="Post text"
      />
      <div id="limit">{limit}</div>
    </div>
  );
}

createRoot(document.getElementById("app")).render(<Composer />);
expose({ rerender: (limit) => setLimit(limit) });

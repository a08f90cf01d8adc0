// A React-controlled textarea like Mastodon's composer: the model is React state.
import React, { useState } from "react";
import { createRoot } from "react-dom/client";
import { expose, seedText, showModel } from "./common.js";

function Composer() {
  const [value, setValue] = useState(seedText);
  showModel(value);
  return (
    <textarea
      className="autosuggest-textarea__textarea"
      aria-label="What's on your mind?"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      rows={4}
    />
  );
}

createRoot(document.getElementById("app")).render(<Composer />);
expose({});

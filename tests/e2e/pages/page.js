// The page's own listeners, as a site's framework would have: they count input events.
let inputs = 0;
for (const id of ["ta", "ce"]) {
  document.getElementById(id).addEventListener("input", () => {
    inputs += 1;
    document.getElementById("inputs").textContent = String(inputs);
  });
}

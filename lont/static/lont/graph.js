/* Network graph: fetch the JSON and draw it with Cytoscape. No inline scripts (CSP). */
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("lont-graph");
    var status = document.getElementById("lont-graph-status");
    if (!box || typeof window.cytoscape !== "function") { return; }
    fetch(box.dataset.source, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        // A focus the viewer does not see answers 404 with a Dutch message.
        if (!response.ok && response.status !== 404) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        var elements = data.elements || { nodes: [], edges: [] };
        // The server says why a picture is empty or cut off (too large: the counts and what to do).
        if (status) { status.textContent = data.message || (elements.nodes.length ? "" : "Geen gegevens voor deze selectie."); }
        if (!elements.nodes.length) { return; }
        var cy = window.cytoscape({
          container: box,
          elements: elements,
          layout: { name: "cose", animate: false },
          style: [
            { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 120 } },
            { selector: "node[type = 'group']", style: { shape: "round-rectangle", "background-color": "#1f4e79", width: 40, height: 40, "font-weight": "bold" } },
            { selector: "node[type = 'person']", style: { shape: "ellipse", "background-color": "#777", width: 18, height: 18 } },
            { selector: "node[type = 'afgeschermd']", style: { shape: "diamond", "background-color": "#ddd", "border-width": 2, "border-style": "dashed", "border-color": "#666" } },
            { selector: "edge", style: { width: 1, "line-color": "#999", "curve-style": "bezier", label: "data(label)", "font-size": 8 } },
            // Membership roles would clutter the picture; the group and person pages list them.
            { selector: "edge[kind = 'lidmaatschap']", style: { "text-opacity": 0 } },
            { selector: "edge[kind = 'rivaliteit']", style: { width: 4, "line-color": "#b00020" } },
            { selector: "edge[kind = 'bondgenootschap']", style: { width: 3, "line-color": "#3b7d23" } },
            { selector: "edge[kind = 'afgeschermd']", style: { "line-style": "dashed", "line-color": "#888" } }
          ]
        });
        cy.on("tap", "node", function (event) {
          var url = event.target.data("url");
          if (url) { window.location.href = url; }
        });
      })
      .catch(function () { if (status) { status.textContent = "De netwerkkaart kon niet worden geladen."; } });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

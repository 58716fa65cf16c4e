// Draws the status page's chart with uPlot from the JSON block the server rendered. The same numbers
// are in a table beside it, so the page works without this script.
/* global uPlot */
(() => {
  const box = document.getElementById("first-action-chart");
  const source = document.getElementById("first-action-data");
  if (!box || !source || typeof uPlot === "undefined") return;
  const points = JSON.parse(source.textContent || "[]");
  const data = [points.map((p) => p[0]), points.map((p) => p[1]), points.map((p) => p[2])];
  const width = Math.max(320, box.clientWidth || 800);
  new uPlot(
    {
      width,
      height: 240,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(10, Math.ceil((max || 0) * 1.2))] } },
      axes: [{}, { label: "minutes", size: 60 }],
      series: [
        {},
        { label: "median", stroke: "#1f5fbf", width: 2, points: { show: true, size: 6 }, spanGaps: false },
        { label: "slowest", stroke: "#b3261e", width: 1, dash: [4, 4], points: { show: true, size: 4 }, spanGaps: false },
      ],
    },
    data,
    box,
  );
})();

document.querySelectorAll('.js-plotly-plot').forEach(function(el){
  el.on && el.on('plotly_click', function(ev){
    var p = ev.points && ev.points[0]; var a = p && p.customdata;
    if (typeof a === 'string' && a.indexOf('dyad-') === 0) { openEvidence(a); }
  });
});
function openEvidence(id){ var d = document.getElementById(id); if (!d) return; d.open = true; location.hash = id; }
window.addEventListener('hashchange', function(){ var d = document.getElementById(location.hash.slice(1)); if (d && d.tagName === 'DETAILS') d.open = true; });

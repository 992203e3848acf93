/// The SVG of three charts given no error bounds.
///
/// Invariant: produced by the chart code from the inputs `ErrorBarTests.bars`, `.lines` and `.scatter` pass (with no
/// bounds); a chart given no bounds, or only nil ones, must render exactly this: no whisker, nothing moved. First
/// taken before `ErrorBounds` existed; retaken once when legends were measured, bar labels given their own band and
/// series their marker and dash (issue 24), which moved them all. Linear axes only, so no rounding of `log10` enters.
enum UnboundedChartGoldens {
    /// `stackedBars` of two bars of two components.
    static let bars = #"""
        <svg xmlns="http://www.w3.org/2000/svg" width="760" height="176" viewBox="0 0 760 176" font-family="Helvetica, Arial, sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="78.0" y="22" font-size="14" font-weight="bold">Iteration</text>
        <line x1="78.0" y1="124.0" x2="78.0" y2="129.0" stroke="#333"/>
        <text x="78.0" y="142.0" text-anchor="middle">0</text>
        <line x1="211.0" y1="124.0" x2="211.0" y2="129.0" stroke="#333"/>
        <text x="211.0" y="142.0" text-anchor="middle">1</text>
        <line x1="344.0" y1="124.0" x2="344.0" y2="129.0" stroke="#333"/>
        <text x="344.0" y="142.0" text-anchor="middle">2</text>
        <line x1="477.0" y1="124.0" x2="477.0" y2="129.0" stroke="#333"/>
        <text x="477.0" y="142.0" text-anchor="middle">3</text>
        <line x1="610.0" y1="124.0" x2="610.0" y2="129.0" stroke="#333"/>
        <text x="610.0" y="142.0" text-anchor="middle">4</text>
        <rect class="frame" x="78.0" y="36.0" width="532.0" height="88.0" fill="none" stroke="#333"/>
        <text x="344.0" y="164.0" text-anchor="middle">s</text>
        <text transform="translate(16 80.0) rotate(-90)" text-anchor="middle"></text>
        <rect x="78.0" y="54.0" width="133.0" height="22.0" fill="#4e79a7"><title>a: compute 1</title></rect>
        <rect x="211.0" y="54.0" width="266.0" height="22.0" fill="#f28e2b"><title>a: idle 2</title></rect>
        <text x="82.0" y="50.0" font-size="10">a</text>
        <rect x="78.0" y="92.0" width="399.0" height="22.0" fill="#4e79a7"><title>b: compute 3</title></rect>
        <rect x="477.0" y="92.0" width="66.5" height="22.0" fill="#f28e2b"><title>b: idle 0.5</title></rect>
        <text x="82.0" y="88.0" font-size="10">b</text>
        <g class="legend">
        <g><title>compute</title><rect x="622.0" y="35.0" width="11" height="11" fill="#4e79a7"/><text x="650.0" y="44.0">compute</text></g>
        <g><title>idle</title><rect x="622.0" y="53.0" width="11" height="11" fill="#f28e2b"/><text x="650.0" y="62.0">idle</text></g>
        </g>
        </svg>

        """#

    /// `lines` of two linear series, one with labels.
    static let lines = #"""
        <svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360" font-family="Helvetica, Arial, sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="78.0" y="22" font-size="14" font-weight="bold">Lines</text>
        <line x1="78.0" y1="308.0" x2="570.0" y2="308.0" stroke="#e5e5e5"/>
        <text x="72.0" y="312.0" text-anchor="end">0</text>
        <line x1="78.0" y1="253.6" x2="570.0" y2="253.6" stroke="#e5e5e5"/>
        <text x="72.0" y="257.6" text-anchor="end">2</text>
        <line x1="78.0" y1="199.2" x2="570.0" y2="199.2" stroke="#e5e5e5"/>
        <text x="72.0" y="203.2" text-anchor="end">4</text>
        <line x1="78.0" y1="144.8" x2="570.0" y2="144.8" stroke="#e5e5e5"/>
        <text x="72.0" y="148.8" text-anchor="end">6</text>
        <line x1="78.0" y1="90.39999999999998" x2="570.0" y2="90.39999999999998" stroke="#e5e5e5"/>
        <text x="72.0" y="94.39999999999998" text-anchor="end">8</text>
        <line x1="78.0" y1="36.0" x2="570.0" y2="36.0" stroke="#e5e5e5"/>
        <text x="72.0" y="40.0" text-anchor="end">10</text>
        <line x1="78.0" y1="308.0" x2="78.0" y2="313.0" stroke="#333"/>
        <text x="78.0" y="326.0" text-anchor="middle">0</text>
        <line x1="176.4" y1="308.0" x2="176.4" y2="313.0" stroke="#333"/>
        <text x="176.4" y="326.0" text-anchor="middle">2</text>
        <line x1="274.8" y1="308.0" x2="274.8" y2="313.0" stroke="#333"/>
        <text x="274.8" y="326.0" text-anchor="middle">4</text>
        <line x1="373.2" y1="308.0" x2="373.2" y2="313.0" stroke="#333"/>
        <text x="373.2" y="326.0" text-anchor="middle">6</text>
        <line x1="471.6" y1="308.0" x2="471.6" y2="313.0" stroke="#333"/>
        <text x="471.6" y="326.0" text-anchor="middle">8</text>
        <line x1="570.0" y1="308.0" x2="570.0" y2="313.0" stroke="#333"/>
        <text x="570.0" y="326.0" text-anchor="middle">10</text>
        <rect class="frame" x="78.0" y="36.0" width="492.0" height="272.0" fill="none" stroke="#333"/>
        <text x="324.0" y="348.0" text-anchor="middle">x</text>
        <text transform="translate(16 172.0) rotate(-90)" text-anchor="middle">y</text>
        <g class="series">
        <polyline points="78.0,172.0 324.0,36.0 570.0,104.0" fill="none" stroke="#4e79a7" stroke-width="2"/>
        <circle class="marker-dot" cx="78.0" cy="172.0" r="3.5" fill="#4e79a7"><title>s: 0, 5</title></circle>
        <circle class="marker-dot" cx="324.0" cy="36.0" r="3.5" fill="#4e79a7"><title>s: 5, 10</title></circle>
        <circle class="marker-dot" cx="570.0" cy="104.0" r="3.5" fill="#4e79a7"><title>s: 10, 7.5</title></circle>
        </g>
        <g class="series">
        <polyline points="78.0,253.6 570.0,199.2" fill="none" stroke="#f28e2b" stroke-width="2" stroke-dasharray="6 3"/>
        <rect class="marker-square" x="74.85" y="250.45" width="6.3" height="6.3" fill="#f28e2b"><title>first</title></rect>
        <rect class="marker-square" x="566.85" y="196.04999999999998" width="6.3" height="6.3" fill="#f28e2b"><title>second</title></rect>
        </g>
        <g class="legend">
        <g><title>s</title><line x1="582.0" y1="40.5" x2="604.0" y2="40.5" stroke="#4e79a7" stroke-width="2"/><circle class="marker-dot" cx="593.0" cy="40.5" r="3.5" fill="#4e79a7"/><text x="610.0" y="44.0">s</text></g>
        <g><title>t</title><line x1="582.0" y1="58.5" x2="604.0" y2="58.5" stroke="#f28e2b" stroke-width="2" stroke-dasharray="6 3"/><rect class="marker-square" x="589.85" y="55.35" width="6.3" height="6.3" fill="#f28e2b"/><text x="610.0" y="62.0">t</text></g>
        </g>
        </svg>

        """#

    /// `scatter` of a dot group with labels, a connected group and a cross group.
    static let scatter = #"""
        <svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360" font-family="Helvetica, Arial, sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="78.0" y="22" font-size="14" font-weight="bold">Scatter</text>
        <line x1="78.0" y1="308.0" x2="570.0" y2="308.0" stroke="#e5e5e5"/>
        <text x="72.0" y="312.0" text-anchor="end">0</text>
        <line x1="78.0" y1="253.6" x2="570.0" y2="253.6" stroke="#e5e5e5"/>
        <text x="72.0" y="257.6" text-anchor="end">2</text>
        <line x1="78.0" y1="199.2" x2="570.0" y2="199.2" stroke="#e5e5e5"/>
        <text x="72.0" y="203.2" text-anchor="end">4</text>
        <line x1="78.0" y1="144.8" x2="570.0" y2="144.8" stroke="#e5e5e5"/>
        <text x="72.0" y="148.8" text-anchor="end">6</text>
        <line x1="78.0" y1="90.39999999999998" x2="570.0" y2="90.39999999999998" stroke="#e5e5e5"/>
        <text x="72.0" y="94.39999999999998" text-anchor="end">8</text>
        <line x1="78.0" y1="36.0" x2="570.0" y2="36.0" stroke="#e5e5e5"/>
        <text x="72.0" y="40.0" text-anchor="end">10</text>
        <line x1="78.0" y1="308.0" x2="78.0" y2="313.0" stroke="#333"/>
        <text x="78.0" y="326.0" text-anchor="middle">0</text>
        <line x1="201.0" y1="308.0" x2="201.0" y2="313.0" stroke="#333"/>
        <text x="201.0" y="326.0" text-anchor="middle">2</text>
        <line x1="324.0" y1="308.0" x2="324.0" y2="313.0" stroke="#333"/>
        <text x="324.0" y="326.0" text-anchor="middle">4</text>
        <line x1="447.0" y1="308.0" x2="447.0" y2="313.0" stroke="#333"/>
        <text x="447.0" y="326.0" text-anchor="middle">6</text>
        <line x1="570.0" y1="308.0" x2="570.0" y2="313.0" stroke="#333"/>
        <text x="570.0" y="326.0" text-anchor="middle">8</text>
        <rect class="frame" x="78.0" y="36.0" width="492.0" height="272.0" fill="none" stroke="#333"/>
        <text x="324.0" y="348.0" text-anchor="middle">time</text>
        <text transform="translate(16 172.0) rotate(-90)" text-anchor="middle">cost</text>
        <g class="series">
        <circle class="marker-dot" cx="201.0" cy="172.0" r="2.0" fill="#9aa5b1"><title>p</title></circle>
        <circle class="marker-dot" cx="447.0" cy="36.0" r="2.0" fill="#9aa5b1"><title>q</title></circle>
        </g>
        <g class="series">
        <polyline points="139.5,90.39999999999998 324.0,226.4" fill="none" stroke="#f28e2b" stroke-width="1.5" stroke-dasharray="6 3"/>
        <rect class="marker-square" x="320.4" y="222.8" width="7.2" height="7.2" fill="#f28e2b"><title>front: 4, 3</title></rect>
        <rect class="marker-square" x="135.9" y="86.79999999999998" width="7.2" height="7.2" fill="#f28e2b"><title>front: 1, 8</title></rect>
        </g>
        <g class="series">
        <path class="marker-cross" d="M505.5,277.8L511.5,283.8M505.5,283.8L511.5,277.8" stroke="#e15759" stroke-width="1.5"><title>oom: 7, 1</title></path>
        </g>
        <g class="legend">
        <g><title>fits</title><circle class="marker-dot" cx="593.0" cy="40.5" r="3.5" fill="#9aa5b1"/><text x="610.0" y="44.0">fits</text></g>
        <g><title>front</title><line x1="582.0" y1="58.5" x2="604.0" y2="58.5" stroke="#f28e2b" stroke-width="2" stroke-dasharray="6 3"/><rect class="marker-square" x="589.85" y="55.35" width="6.3" height="6.3" fill="#f28e2b"/><text x="610.0" y="62.0">front</text></g>
        <g><title>oom</title><path class="marker-cross" d="M589.5,73.0L596.5,80.0M589.5,80.0L596.5,73.0" stroke="#e15759" stroke-width="1.5"/><text x="610.0" y="80.0">oom</text></g>
        </g>
        </svg>

        """#
}

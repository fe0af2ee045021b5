// Every piece of text the page shows, in one place, so that a translation (简体中文 is next)
// is one more object of the same shape. index.html names its texts with `data-string`
// attributes and gets them from here at start-up.
//
// Segment names, reason codes and their descriptions, and error messages come from the engine
// and are shown as the engine wrote them.

export const strings = {
  /** The locale numbers and dates are formatted for. */
  locale: 'en-US',

  skipToContent: 'Skip to content',
  pageTitle: 'TierLens — customer classification',
  productName: 'TierLens',
  tagline: 'Sort your customers into RFM segments: who buys recently, often, and for how much.',
  privacy: 'Your data never leaves this machine: files are read and classified inside this browser tab.',

  inputHeading: 'Your orders',
  dropZoneTitle: 'Drop an orders file here, or click to choose one',
  dropZoneHint: 'CSV, TSV or semicolon-separated text, one row per order line, with a customer id, a date and an amount (or quantity and unit price).',
  sampleOr: 'No file at hand?',
  trySample: 'Try the sample data',
  downloadSample: 'Download the sample CSV',
  downloadSampleHint: 'to see the expected input shape.',

  optionsHeading: 'Options',
  binsLabel: 'Score bins',
  binsHelp: 'Recency, frequency and monetary are each scored from 1 to this number.',
  analysisDateLabel: 'Analysis date',
  analysisDateHelp: 'Leave empty to use the day after the latest order.',

  progressHeading: 'Working',
  startingEngine: 'Starting the classifier…',
  reading: (fileName) => `Reading ${fileName}`,
  bytesProgress: (loaded, total, percent) => `${loaded} of ${total} (${percent})`,
  scoring: 'Scoring and segmenting customers…',
  cancel: 'Cancel',

  classified: (customers, fileName) => `Classified ${customers} customers from ${fileName}.`,
  cancelled: 'Cancelled. Choose a file or try the sample data to start again.',
  errorHeading: 'The file could not be classified',
  requestFailed: 'Something went wrong',
  workerFailed: (detail) => `The classifier stopped unexpectedly (${detail}). A file this large may not fit in this browser's memory.`,

  resultsHeading: 'Results',
  facts: {
    file: 'File',
    rowsTotal: 'Rows',
    rowsUsed: 'Used',
    rowsSkipped: 'Skipped',
    customers: 'Customers',
    revenue: 'Revenue',
    analysisDate: 'Analysis date',
    delimiter: 'Delimiter',
    amount: 'Amount from',
  },
  analysisDateSource: (source) => `(${source})`,
  delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' },
  amountSources: {
    amount: 'amount column',
    quantity_x_unit_price: 'quantity × unit price',
  },

  segmentsHeading: 'Segments',
  segmentColumns: {
    segment: 'Segment',
    customers: 'Customers',
    customer_share: 'Share of customers',
    revenue: 'Revenue',
    revenue_share: 'Share of revenue',
  },
  segmentTotal: 'All customers',
  chartLabel: 'Bar chart of the share of customers and the share of revenue in each segment. The Segments table gives the same numbers.',
  chartLegendCustomers: 'Share of customers',
  chartLegendRevenue: 'Share of revenue',

  breakpointsHeading: 'Score breakpoints',
  breakpointsIntro: (method, bins) => `Scores 1–${bins}, cut by ${method}.`,
  breakpointColumn: (n) => `Cut ${n}`,
  dimensions: {
    recency: 'Recency (days)',
    frequency: 'Frequency (orders)',
    monetary: 'Monetary',
  },

  customersHeading: 'Customers',
  customersHint: 'Click a column heading to sort, and a customer to see why it is in its segment.',
  customerColumns: {
    customer_id: 'Customer',
    segment: 'Segment',
    r_score: 'R',
    f_score: 'F',
    m_score: 'M',
    recency: 'Recency',
    frequency: 'Orders',
    monetary: 'Monetary',
    first_order: 'First order',
    last_order: 'Last order',
  },
  columnTitles: {
    recency: 'Days from the last order to the analysis date',
    frequency: 'Distinct orders',
    monetary: 'Net amount of all orders',
    r_score: 'Recency score',
    f_score: 'Frequency score',
    m_score: 'Monetary score',
  },
  sortBy: (label) => `Sort by ${label}`,
  rowsOf: (first, last, total) => `Rows ${first}–${last} of ${total}`,
  noRows: 'No rows',
  previousPage: 'Previous',
  nextPage: 'Next',
  loading: 'Loading…',

  explanationHeading: 'Why this segment',
  explanationEmpty: 'Select a customer in the table to see how its scores and segment were found.',
  explanationTitle: (customerId, segment) => `${customerId} — ${segment}`,
  explanationDates: (first, last, asOf) => `Orders from ${first} to ${last}; analysis date ${asOf}.`,
  explanationScore: (score) => `score ${score}`,
  explanationBreakpoints: (list) => `Breakpoints: ${list}`,
  explanationRows: { r: 'Recency (days)', f: 'Frequency (orders)', m: 'Monetary' },
  explanationCell: (cell, fmScore) => `RFM cell ${cell}` + (fmScore === undefined ? '' : `, FM score ${fmScore}`),

  skippedHeading: 'Skipped rows',
  skippedNone: 'Every row was used.',
  skippedIntro: (count) => `${count} rows were not used. Each one is listed with its reason.`,
  skippedReasonColumns: { reason: 'Reason', description: 'Meaning', count: 'Rows' },
  skippedColumns: { row: 'Row', line: 'Line', column: 'Column', reason: 'Reason', detail: 'Detail', raw: 'Raw text' },

  downloadsHeading: 'Downloads',
  downloadCustomers: 'Download classified customers (CSV)',
  downloadSkipped: 'Download skipped rows (CSV)',
  downloadsHint: 'UTF-8 with BOM, so Excel opens any script correctly.',
};

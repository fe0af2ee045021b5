// The text equivalent every dashboard chart comes with: a sentence saying what the chart
// shows, and a table of its numbers. The page shows the sentence under the chart and the
// table on demand; the HTML report prints both.
//
// A text table is `{caption, sentence, columns: [{key, label, numeric}], rows: [[cell]]}`; a
// cell is `{text, value}`: `text` as shown, `value` the number behind it (absent for text).

/** A column of a text table. */
export const column = (key, label, numeric = true) => ({ key, label, numeric });

/** A cell showing `text`, with the number it stands for. */
export const numberCell = (value, text) => ({ text, value });

/** A cell of text. */
export const textCell = (text) => ({ text: String(text) });

/** @returns {{caption: string, sentence: string, columns: object[], rows: object[][]}} */
export const textTable = (caption, sentence, columns, rows) => ({ caption, sentence, columns, rows });

// The scalar functions and operators an exclude rule may call: pure, row-level, no files, no settings.
// Names as DuckDB's parser reports them (LIKE is '~~', `a[1]` and COALESCE are operators, not functions).
export const RULE_FUNCTIONS: ReadonlySet<string> = new Set([
  // pattern matching
  '~~', '!~~', '~~*', '!~~*', '~~~', 'like_escape', 'not_like_escape', 'ilike_escape', 'not_ilike_escape',
  'regexp_matches', 'regexp_full_match', 'regexp_replace', 'regexp_extract', 'regexp_extract_all',
  // arithmetic
  '+', '-', '*', '/', '//', '%', '^', '**', 'abs', 'round', 'floor', 'ceil', 'ceiling', 'sign', 'trunc', 'greatest', 'least',
  // text
  '||', 'concat', 'concat_ws', 'lower', 'upper', 'lcase', 'ucase', 'trim', 'ltrim', 'rtrim', 'length', 'len', 'strlen',
  'char_length', 'character_length', 'contains', 'starts_with', 'ends_with', 'prefix', 'suffix', 'substring', 'substr',
  'left', 'right', 'replace', 'split_part', 'position', 'strpos', 'instr', 'lpad', 'rpad', 'reverse', 'nfc_normalize',
  'strip_accents', 'levenshtein', 'ascii', 'chr', 'nullif', 'translate',
  // dates and times
  'date_part', 'datepart', 'date_trunc', 'datetrunc', 'date_diff', 'datediff', 'date_sub', 'datesub', 'date_add',
  'year', 'month', 'day', 'quarter', 'week', 'dayofweek', 'dayofmonth', 'dayofyear', 'hour', 'minute', 'second', 'epoch',
  'last_day', 'dayname', 'monthname', 'make_date', 'make_timestamp', 'strftime', 'strptime', 'try_strptime', 'timezone',
  'to_days', 'to_hours', 'to_minutes', 'to_seconds', 'to_months', 'to_years', 'to_weeks', 'to_milliseconds',
  'to_microseconds', 'epoch_ms', 'to_timestamp',
  // lists, as written `[a, b]` and `(a, b)`
  'list_value', 'row', 'list_contains', 'list_has', 'array_contains', 'list_extract', 'array_extract',
]);

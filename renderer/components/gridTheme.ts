// The look of every record grid (ag-grid's Quartz theme in the workbench's colours and sizes).
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f4e79',
  foregroundColor: '#1c2430',
  headerBackgroundColor: '#f3f4f6',
  borderColor: '#d9dde3',
  rowHeight: 30,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  spacing: 6,
});

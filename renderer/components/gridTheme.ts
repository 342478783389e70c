// The look of every record grid (ag-grid's Quartz theme in the workbench's colours and sizes).
import { themeQuartz } from 'ag-grid-community';

/** Every grid row's height: the position of a row in a scrolled grid is its index times this. */
export const GRID_ROW_HEIGHT_PX = 30;

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f4e79',
  foregroundColor: '#1c2430',
  headerBackgroundColor: '#f3f4f6',
  borderColor: '#d9dde3',
  rowHeight: GRID_ROW_HEIGHT_PX,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  spacing: 6,
});

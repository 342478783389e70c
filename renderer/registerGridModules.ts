// The ag-grid modules the record and pair grids use, and nothing else (validation messages in development only).
import { CellStyleModule, InfiniteRowModelModule, ModuleRegistry, TextFilterModule, ValidationModule } from 'ag-grid-community';

export function registerGridModules(): void {
  ModuleRegistry.registerModules([InfiniteRowModelModule, TextFilterModule, CellStyleModule, ...(import.meta.env.DEV ? [ValidationModule] : [])]);
}

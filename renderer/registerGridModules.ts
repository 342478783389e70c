// The ag-grid modules the record grids use, and nothing else (validation messages in development only).
import { InfiniteRowModelModule, ModuleRegistry, TextFilterModule, ValidationModule } from 'ag-grid-community';

export function registerGridModules(): void {
  ModuleRegistry.registerModules([InfiniteRowModelModule, TextFilterModule, ...(import.meta.env.DEV ? [ValidationModule] : [])]);
}

// The IPC channel of the desktop's file dialog for exports: outside the API, since only the desktop has one.
export const CHOOSE_EXPORT_CHANNEL = 'recon-desktop:chooseExport';

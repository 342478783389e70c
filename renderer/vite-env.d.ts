// Vite's types for import.meta.env and imported CSS files.
/// <reference types="vite/client" />

// Stylesheets are imported for their side effects only (by the examples and the stories).
declare module '*.css';

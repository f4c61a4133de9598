// The English catalogue and Ant Design's English locale load only when someone switches to
// English (or chose it before): most users never do, and the first page's budget is tight.
export { enUS as messages } from './en-US';
export { default as antd } from 'antd/locale/en_US';

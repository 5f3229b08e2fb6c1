export { ScannerStatusLine } from './ScannerStatusLine';

export { CodeSnippetLines, type CodeLine } from './CodeSnippetLines';

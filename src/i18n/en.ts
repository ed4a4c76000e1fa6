import de from './de'
// Temporary: replaced by the English translation.
export default de

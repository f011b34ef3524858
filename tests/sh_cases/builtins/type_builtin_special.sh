type exit | sed 's/ a special / a /'
type export | sed 's/ a special / a /'

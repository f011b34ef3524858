command -V cd | sed 's/ a special / a /'

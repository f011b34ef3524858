for w in $(printf 'a\nb c\n'); do echo "[$w]"; done

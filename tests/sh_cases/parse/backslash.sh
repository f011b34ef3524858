echo \a\b\ c \$x \\ \'

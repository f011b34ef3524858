echo "${x:-"$(echo nested "quotes")"}"

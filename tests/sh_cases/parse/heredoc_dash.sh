cat <<-EOF
	tab stripped
		two tabs
	EOF

echo 'a  b' 'it''s' '$x `y` \z'

false; echo $(echo $?)
